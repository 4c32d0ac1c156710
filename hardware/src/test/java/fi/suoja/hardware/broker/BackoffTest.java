package fi.suoja.hardware.broker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void the_wait_doubles_with_jitter_up_to_the_ceiling_and_starts_over_after_a_success() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waits.add(backoff.next().toMillis());
        }

        long[] full = {1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000, 30_000};
        for (int i = 0; i < full.length; i++) {
            assertThat(waits.get(i)).as("attempt %d", i + 1).isBetween(full[i] / 2, full[i]);
        }
        assertThat(waits).as("jitter: not all waits at the ceiling are equal").doesNotHaveDuplicates();

        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(500L, 1_000L);
    }

    @Test
    void a_long_outage_never_overflows_the_wait() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), new Random(1));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.next()).isBetween(Duration.ofMillis(500), Duration.ofMinutes(2));
        }
    }
}
