package fi.suoja.hardware.sign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Signs without lights: remembers what each shows and every change, with the instant from the clock. */
public final class SimulatedRoomSign implements RoomSign {

    /** One change of one sign. */
    public record Change(SignId sign, SignState state, Instant at) {
    }

    private final Clock clock;
    private final Map<SignId, SignState> current = new ConcurrentHashMap<>();
    private final List<Change> history = new CopyOnWriteArrayList<>();
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    public SimulatedRoomSign(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SignResult show(SignId sign, SignState state) {
        if (!reachable.get()) {
            return new SignResult.NotShown("the simulated sign is unreachable");
        }
        current.put(sign, state);
        history.add(new Change(sign, state, clock.instant()));
        return new SignResult.Shown();
    }

    /** What the sign shows now; empty before its first change. */
    public Optional<SignState> current(SignId sign) {
        return Optional.ofNullable(current.get(sign));
    }

    /** Every change of every sign, oldest first. */
    public List<Change> history() {
        return List.copyOf(history);
    }

    /** The states one sign went through, oldest first. */
    public List<SignState> history(SignId sign) {
        return history.stream().filter(change -> change.sign().equals(sign)).map(Change::state).toList();
    }

    public void setReachable(boolean isReachable) {
        reachable.set(isReachable);
    }
}
