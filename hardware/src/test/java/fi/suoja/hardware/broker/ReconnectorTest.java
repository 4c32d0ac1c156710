package fi.suoja.hardware.broker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectorTest {

    private static Backoff quick() {
        return new Backoff(Duration.ofMillis(1), Duration.ofMillis(4), new Random(7));
    }

    @Test
    void tries_again_after_each_failure_until_an_attempt_succeeds_and_then_stops_trying() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch succeeded = new CountDownLatch(1);
        try (Reconnector reconnector = new Reconnector("a test broker", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new BrokerException("refused", null);
            }
            succeeded.countDown();
        }, quick())) {
            reconnector.connectNow();
            assertThat(succeeded.await(10, TimeUnit.SECONDS)).as("the third attempt succeeds").isTrue();
            assertThat(attempts).hasValue(3);

            CountDownLatch again = new CountDownLatch(1);
            AtomicInteger later = new AtomicInteger();
            try (Reconnector second = new Reconnector("a test broker", () -> {
                later.incrementAndGet();
                again.countDown();
            }, quick())) {
                second.connectionLost();
                assertThat(again.await(10, TimeUnit.SECONDS)).as("a lost connection is tried again").isTrue();
                assertThat(later).hasValue(1);
            }
        }
    }

    @Test
    void a_closed_reconnector_makes_no_attempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Reconnector reconnector = new Reconnector("a test broker", attempts::incrementAndGet, quick());
        reconnector.close();
        reconnector.connectNow();
        reconnector.connectionLost();
        assertThat(attempts).hasValue(0);
    }
}
