package fi.suoja.agent;

import fi.suoja.agent.session.SessionControl;
import fi.suoja.agent.session.SessionException;
import fi.suoja.agent.state.DoneCommand;
import fi.suoja.agent.state.PendingWipe;
import fi.suoja.agent.state.StateStore;
import fi.suoja.hardware.mqtt.AgentState;
import fi.suoja.hardware.mqtt.Command;
import fi.suoja.hardware.mqtt.CommandCheck;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.EventType;
import fi.suoja.hardware.mqtt.Wire;
import fi.suoja.hardware.mqtt.WipeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One command from payload to result: decode, check (addressed, signed, fresh), refuse what the
 * device cannot do now, answer a redelivery without acting again, else ACK, act and RESULT.
 * Runs only on the agent's loop thread.
 */
final class CommandHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);

    /** What handling a command changes outside this class. */
    interface Effects {
        void emit(EventType type, String commandId, String detail, boolean duplicate, WipeReport report);

        /** A guest session runs until {@code until}; null when none runs. */
        void session(Instant until);

        void wiping(boolean underWay);

        AgentState state();
    }

    private final DeviceId device;
    private final CommandCheck check;
    private final StateStore store;
    private final SessionControl session;
    private final Wiping wiping;
    private final Clock clock;
    private final Effects effects;

    CommandHandler(DeviceId device, CommandCheck check, StateStore store, SessionControl session, Wiping wiping,
                   Clock clock, Effects effects) {
        this.device = device;
        this.check = check;
        this.store = store;
        this.session = session;
        this.wiping = wiping;
        this.clock = clock;
        this.effects = effects;
    }

    void handle(byte[] payload) {
        Command command;
        try {
            command = Wire.decode(payload, Command.class);
        } catch (Wire.MalformedMessage e) {
            effects.emit(EventType.REJECTED, null, e.getMessage(), false, null);
            return;
        }
        if (check.check(command, clock.instant()) instanceof CommandCheck.Verdict.Refused refused) {
            effects.emit(EventType.REJECTED, command.id(), refused.reason(), false, null);
            return;
        }
        Optional<String> badParameters = badParameters(command);
        if (badParameters.isPresent()) {
            effects.emit(EventType.REJECTED, command.id(), badParameters.get(), false, null);
            return;
        }
        Optional<DoneCommand> done = store.done(command.id());
        if (done.isEmpty() && command.type() == CommandType.WIPE) {
            // The server may re-send an open job under a new command id; a verified job stays done.
            done = store.doneWipe(command.param("jobId"))
                    .filter(wipe -> wipe.report() != null && wipe.report().verified());
        }
        if (done.isPresent()) {
            answerDuplicate(command, done.get());
            return;
        }
        Optional<String> notNow = notPossibleNow(command);
        if (notNow.isPresent()) {
            effects.emit(EventType.REJECTED, command.id(), notNow.get(), false, null);
            return;
        }
        effects.emit(EventType.ACK, command.id(), command.type().name(), false, null);
        try {
            act(command);
        } catch (IOException e) {
            log.error("{} cannot write the agent's state while acting on {}", device, command.id(), e);
            effects.emit(EventType.RESULT, command.id(), "failed: the agent cannot write its state: " + e.getMessage(),
                    false, null);
        }
    }

    private void answerDuplicate(Command command, DoneCommand done) {
        effects.emit(EventType.ACK, command.id(), "already done as " + done.id(), true, null);
        if (done.type() == CommandType.WIPE && done.report() != null) {
            effects.emit(EventType.RESULT, command.id(), verdict(done.report()), true, done.report());
        }
    }

    private static Optional<String> badParameters(Command command) {
        try {
            switch (command.type()) {
                case START_SESSION -> Instant.parse(command.param("until"));
                case WARN -> {
                    if (Integer.parseInt(command.param("minutesLeft")) < 0) {
                        return Optional.of("minutesLeft is negative");
                    }
                }
                case WIPE -> {
                    String jobId = command.param("jobId");
                    if (jobId.isBlank() || jobId.length() > 64) {
                        return Optional.of("a jobId has 1 to 64 characters");
                    }
                }
                case END_SESSION, LOCK, PING -> {
                    // no parameters
                }
            }
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("until is not an ISO instant: " + command.params().get("until"));
        } catch (NumberFormatException e) {
            return Optional.of("minutesLeft is not a whole number: " + command.params().get("minutesLeft"));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Commands the device must refuse in its present state; the server shows staff the reason. */
    private Optional<String> notPossibleNow(Command command) {
        if (command.type() != CommandType.START_SESSION) {
            return Optional.empty();
        }
        return switch (effects.state()) {
            case IDLE, IN_SESSION -> Optional.empty();
            case DIRTY -> Optional.of("the device is DIRTY: a verified wipe must come before a new session");
            case LOCKED -> Optional.of("the device is LOCKED: a verified wipe must come before a new session");
            case WIPING -> Optional.of("the device is WIPING");
        };
    }

    private void act(Command command) throws IOException {
        String detail;
        WipeReport report = null;
        try {
            switch (command.type()) {
                case START_SESSION -> {
                    Instant until = Instant.parse(command.param("until"));
                    // The flag goes to disk first: from here on, a power cut ends in a wipe.
                    store.markDirty(clock.instant(), "guest session " + command.id());
                    session.start(until);
                    effects.session(until);
                    detail = "guest session until " + until;
                }
                case WARN -> {
                    int minutes = Integer.parseInt(command.param("minutesLeft"));
                    if (effects.state() == AgentState.IN_SESSION) {
                        session.warn(minutes);
                        detail = "guest warned: " + minutes + " minutes left";
                    } else {
                        detail = "no guest session to warn";
                    }
                }
                case END_SESSION -> {
                    boolean wasActive = effects.state() == AgentState.IN_SESSION;
                    session.end();
                    effects.session(null);
                    detail = wasActive ? "guest session ended; a wipe is needed" : "no guest session was running";
                }
                case WIPE -> {
                    report = wipe(command);
                    detail = verdict(report);
                }
                case LOCK -> {
                    store.markLocked(clock.instant());
                    effects.session(null);
                    session.lock();
                    detail = "locked";
                }
                case PING -> detail = "pong";
                default -> throw new IllegalStateException("unknown command type " + command.type());
            }
        } catch (SessionException e) {
            log.warn("{} {} {} failed: {}", device, command.type(), command.id(), e.getMessage());
            detail = "failed: " + e.getMessage();
        }
        if (command.type() != CommandType.WIPE) {
            store.remember(new DoneCommand(command.id(), command.type(), null, null));
        }
        effects.emit(EventType.RESULT, command.id(), detail, false, report);
    }

    private WipeReport wipe(Command command) throws IOException {
        String jobId = command.param("jobId");
        effects.session(null);
        effects.wiping(true);
        try {
            return wiping.run(new PendingWipe(command.id(), jobId, clock.instant()),
                    step -> effects.emit(EventType.PROGRESS, command.id(), step, false, null));
        } finally {
            effects.wiping(false);
        }
    }

    private static String verdict(WipeReport report) {
        return report.verified() ? "wiped and verified"
                : "wipe NOT verified: " + report.failures().size() + " problems; the device stays DIRTY";
    }
}
