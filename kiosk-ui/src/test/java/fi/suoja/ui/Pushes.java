package fi.suoja.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in Karibu tests for what the server pushes: background threads' {@code UI.access} run at each round trip. */
public final class Pushes {

    private Pushes() {
    }

    /** Lets background threads' {@code UI.access} run, as the browser's next round trip would, until {@code done} or 10 s. */
    public static void await(String what, BooleanSupplier done) {
        // Karibu's mock session belongs to this thread: Awaitility polls here, not on a thread of its own
        Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .pollInSameThread()
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return done.getAsBoolean();
                });
    }
}
