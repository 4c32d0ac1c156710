package fi.suoja.agent.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Does nothing real and remembers what it was asked, in order: for tests and the demo. */
public final class SimulatedSessionControl implements SessionControl {

    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void start(Instant until) {
        calls.add("start until " + until);
    }

    @Override
    public synchronized void warn(int minutesLeft) {
        calls.add("warn " + minutesLeft);
    }

    @Override
    public synchronized void end() {
        calls.add("end");
    }

    @Override
    public synchronized void lock() {
        calls.add("lock");
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
