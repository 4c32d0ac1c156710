package fi.suoja.hardware.door;

import fi.suoja.hardware.Registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Door locks without doors: holds the codes with their windows and answers whether a code
 * would open a door at an instant. It can stop answering or start refusing, as real locks do,
 * and reports its battery.
 *
 * <p>By default it honours each code's window, as a lock with time-limited codes does. Made with
 * {@link #likeZigbee(Clock)}, it ignores the windows as a Zigbee lock does: a code opens the door
 * from when it is set until it is revoked, which is how a test proves that the caller sets and
 * revokes at the right instants.
 *
 * <p>{@link #typeOnKeypad} plays a person at the door: a code the lock holds opens it, and the lock
 * reports which slot's code that was, as a Zigbee keypad lock does.
 */
public final class SimulatedDoorLock implements DoorLock {

    /** How the simulated locks behave. */
    public enum State { ANSWERING, SILENT, REFUSING }

    private record SlotKey(LockId lock, CodeSlot slot) {
    }

    private final Clock clock;
    private final boolean honoursWindows;
    private final Map<SlotKey, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<LockId, List<Instant>> unlocks = new ConcurrentHashMap<>();
    private final List<Consumer<LockReport>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.ANSWERING);
    private final AtomicInteger battery = new AtomicInteger(100);
    private final AtomicInteger commandsReceived = new AtomicInteger();

    public SimulatedDoorLock(Clock clock) {
        this(clock, true);
    }

    private SimulatedDoorLock(Clock clock, boolean honoursWindows) {
        this.clock = clock;
        this.honoursWindows = honoursWindows;
    }

    /** A simulator that, like a Zigbee keypad lock, accepts a code until it is revoked, whatever its window. */
    public static SimulatedDoorLock likeZigbee(Clock clock) {
        return new SimulatedDoorLock(clock, false);
    }

    @Override
    public LockResult setCode(CodeGrant grant) {
        return answer(() -> codes.put(new SlotKey(grant.lock(), grant.slot()), grant));
    }

    @Override
    public LockResult revokeCode(LockId lock, CodeSlot slot) {
        return answer(() -> codes.remove(new SlotKey(lock, slot)));
    }

    @Override
    public LockResult unlock(LockId lock) {
        return answer(() -> {
            unlocks.computeIfAbsent(lock, id -> new CopyOnWriteArrayList<>()).add(clock.instant());
            publish(new LockReport(lock, LockState.UNLOCKED, OptionalInt.of(battery.get()), clock.instant()));
        });
    }

    @Override
    public Registration onReport(Consumer<LockReport> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Someone types a code on the lock's keypad now. A code the lock holds (inside its window, where
     * the lock honours windows) opens the door, and the lock reports the slot it was in, unless the
     * lock is silent (its radio is down; the door still opens). Answers whether the door opened.
     */
    public boolean typeOnKeypad(LockId lock, String typed) {
        Instant now = clock.instant();
        Optional<CodeGrant> opened = grantOpening(lock, typed, now);
        if (opened.isPresent() && state.get() != State.SILENT) {
            publish(new LockReport(lock, LockState.UNLOCKED, OptionalInt.of(battery.get()), now, Optional.of(opened.get().slot())));
        }
        return opened.isPresent();
    }

    /** Whether the code would open this lock at the instant. */
    public boolean accepts(LockId lock, String code, Instant at) {
        return grantOpening(lock, code, at).isPresent();
    }

    private Optional<CodeGrant> grantOpening(LockId lock, String code, Instant at) {
        return codes.values().stream().filter(grant -> grant.lock().equals(lock)
                && grant.code().digits().equals(code) && (!honoursWindows || grant.covers(at))).findFirst();
    }

    /** Whether the code would open any of the simulated locks at the instant. */
    public boolean accepts(String code, Instant at) {
        return codes.values().stream().anyMatch(grant -> accepts(grant.lock(), code, at));
    }

    /** The code in a slot, if one is set. */
    public Optional<CodeGrant> codeIn(LockId lock, CodeSlot slot) {
        return Optional.ofNullable(codes.get(new SlotKey(lock, slot)));
    }

    /** Every code set now, in no particular order. */
    public List<CodeGrant> codes() {
        return new ArrayList<>(codes.values());
    }

    /** When the lock was opened by {@link #unlock}, oldest first. */
    public List<Instant> unlocks(LockId lock) {
        return List.copyOf(unlocks.getOrDefault(lock, List.of()));
    }

    /** How many commands reached the locks, answered or not. */
    public int commandsReceived() {
        return commandsReceived.get();
    }

    public void setState(State newState) {
        state.set(newState);
    }

    /** Sets the battery level and reports it (without a bolt state) for the lock, as a lock does every few hours. */
    public void reportBattery(LockId lock, int percent) {
        battery.set(percent);
        publish(new LockReport(lock, LockState.UNKNOWN, OptionalInt.of(percent), clock.instant()));
    }

    private LockResult answer(Runnable effect) {
        commandsReceived.incrementAndGet();
        return switch (state.get()) {
            case ANSWERING -> {
                effect.run();
                yield new LockResult.Done();
            }
            case SILENT -> new LockResult.NoAnswer("the simulated lock does not answer", 1);
            case REFUSING -> new LockResult.Refused("the simulated lock refuses");
        };
    }

    private void publish(LockReport report) {
        listeners.forEach(listener -> listener.accept(report));
    }
}
