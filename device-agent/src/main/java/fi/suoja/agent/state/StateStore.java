package fi.suoja.agent.state;

import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.SessionIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The agent's memory on disk, in its state directory. Every change is written atomically and
 * synced before the method returns, because the wipe guarantee rests on it:
 * <ul>
 * <li>{@code dirty}: present from the start of a guest session until a verified wipe;</li>
 * <li>{@code locked}: present from a LOCK command until a verified wipe;</li>
 * <li>{@code wipe-job.json}: the wipe under way;</li>
 * <li>{@code commands.json}: the last {@value #REMEMBERED_COMMANDS} commands acted on;</li>
 * <li>{@code session}: the session identity, {@code <epoch> <counter>} (see {@link AgentSession}).</li>
 * </ul>
 * When a file cannot be read the store errs on the safe side: an unreadable job is a pending wipe.
 */
public final class StateStore {

    public static final int REMEMBERED_COMMANDS = 1000;
    /** Reports are kept only for the latest wipes, to keep the file small; older ids are still known. */
    static final int REMEMBERED_REPORTS = 20;

    private static final Logger log = LoggerFactory.getLogger(StateStore.class);

    /** The on-disk shape of {@code commands.json}. */
    record CommandMemory(List<DoneCommand> commands) {
    }

    private final Path dirty;
    private final Path locked;
    private final Path wipeJob;
    private final Path commands;
    private final Path session;
    private final LinkedHashMap<String, DoneCommand> done = new LinkedHashMap<>();

    public StateStore(Path directory) throws IOException {
        Files.createDirectories(directory);
        this.dirty = directory.resolve("dirty");
        this.locked = directory.resolve("locked");
        this.wipeJob = directory.resolve("wipe-job.json");
        this.commands = directory.resolve("commands.json");
        this.session = directory.resolve("session");
        loadCommands();
    }

    public boolean isDirty() {
        return Files.exists(dirty);
    }

    public void markDirty(Instant since, String why) throws IOException {
        AtomicFiles.write(dirty, (since + " " + why + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void clearDirty() throws IOException {
        AtomicFiles.delete(dirty);
    }

    public boolean isLocked() {
        return Files.exists(locked);
    }

    public void markLocked(Instant since) throws IOException {
        AtomicFiles.write(locked, (since + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void clearLocked() throws IOException {
        AtomicFiles.delete(locked);
    }

    public Optional<PendingWipe> pendingWipe() {
        if (!Files.exists(wipeJob)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StateJson.read(Files.readAllBytes(wipeJob), PendingWipe.class));
        } catch (IOException | RuntimeException e) {
            log.warn("the wipe job file is unreadable ({}); treating it as an unfinished wipe", e.getMessage());
            return Optional.of(new PendingWipe(null, "unreadable-job", Instant.EPOCH));
        }
    }

    public void beginWipe(PendingWipe wipe) throws IOException {
        AtomicFiles.write(wipeJob, StateJson.write(wipe));
    }

    public void endWipe() throws IOException {
        AtomicFiles.delete(wipeJob);
    }

    public synchronized Optional<DoneCommand> done(String commandId) {
        return Optional.ofNullable(done.get(commandId));
    }

    /** The latest WIPE done for this job, if any. */
    public synchronized Optional<DoneCommand> doneWipe(String jobId) {
        DoneCommand latest = null;
        for (DoneCommand command : done.values()) {
            if (command.type() == CommandType.WIPE && jobId.equals(command.jobId())) {
                latest = command;
            }
        }
        return Optional.ofNullable(latest);
    }

    public synchronized void remember(DoneCommand command) throws IOException {
        done.remove(command.id());
        done.put(command.id(), command);
        while (done.size() > REMEMBERED_COMMANDS) {
            done.remove(done.keySet().iterator().next());
        }
        AtomicFiles.write(commands, StateJson.write(new CommandMemory(trimmedReports())));
    }

    /**
     * The session identity as it stands, for what the agent reports before its first connection.
     * A missing, unreadable or old-format file starts a new epoch, written before it is returned.
     */
    public synchronized AgentSession currentSession() throws IOException {
        Optional<AgentSession> stored = readSession();
        if (stored.isPresent()) {
            return stored.get();
        }
        return writeSession(new AgentSession(newEpoch(), 0));
    }

    /**
     * The identity of the next connection, already on disk when it is returned: the counter grows
     * by one; at its end a new epoch starts at 1.
     */
    public synchronized AgentSession nextSession() throws IOException {
        AgentSession current = currentSession();
        AgentSession next = current.counter() >= SessionIds.MAX_SESSION
                ? new AgentSession(newEpoch(), 1)
                : new AgentSession(current.epoch(), current.counter() + 1);
        return writeSession(next);
    }

    private Optional<AgentSession> readSession() {
        if (!Files.exists(session)) {
            log.info("no session identity yet (first start, or the state was lost): a new epoch begins");
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(session, StandardCharsets.US_ASCII).strip().split(" ");
            if (parts.length != 2) {
                throw new IOException("not <epoch> <counter>");
            }
            return Optional.of(new AgentSession(parts[0], Long.parseLong(parts[1])));
        } catch (IOException | IllegalArgumentException e) {
            // The counter must never go back within an epoch, or a stale Last Will could win: a new epoch instead.
            log.warn("the session identity is unreadable ({}); a new epoch begins", e.getMessage());
            return Optional.empty();
        }
    }

    private AgentSession writeSession(AgentSession identity) throws IOException {
        AtomicFiles.write(session, (identity.epoch() + " " + identity.counter()).getBytes(StandardCharsets.US_ASCII));
        return identity;
    }

    private static String newEpoch() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private List<DoneCommand> trimmedReports() {
        List<DoneCommand> all = new ArrayList<>(done.values());
        int reportsKept = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).report() != null && ++reportsKept > REMEMBERED_REPORTS) {
                all.set(i, all.get(i).withoutReport());
            }
        }
        return all;
    }

    private void loadCommands() {
        if (!Files.exists(commands)) {
            return;
        }
        try {
            for (DoneCommand command : StateJson.read(Files.readAllBytes(commands), CommandMemory.class).commands()) {
                done.put(command.id(), command);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("the memory of done commands is unreadable ({}); starting without it", e.getMessage());
        }
    }
}
