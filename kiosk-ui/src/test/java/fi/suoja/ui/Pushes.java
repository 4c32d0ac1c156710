package fi.suoja.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting in Karibu tests for what the server pushes: background threads' {@code UI.access} run at each round trip. */
public final class Pushes {

    private Pushes() {
    }

    /** Lets background threads' {@code UI.access} run, as the browser's next round trip would, until {@code done} or 10 s. */
    public static void await(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            MockVaadin.clientRoundtrip();
            if (done.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("waited 10 s in vain for: " + what);
    }
}
