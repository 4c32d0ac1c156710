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

    @Test
    void the_wait_after_a_counted_try_strays_twenty_percent_either_way_and_stays_under_the_ceiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), Backoff.Jitter.PLUS_MINUS_20_PERCENT,
                new Random(3));
        long[] doubled = {30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000};
        for (int attempt = 1; attempt <= doubled.length; attempt++) {
            for (int i = 0; i < 50; i++) {
                long wait = backoff.after(attempt).toMillis();
                assertThat(wait).as("after try %d", attempt)
                        .isBetween(Math.round(doubled[attempt - 1] * 0.8), Math.min(600_000, Math.round(doubled[attempt - 1] * 1.2)));
            }
        }
        assertThat(backoff.after(1_000)).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(10));
        assertThat(backoff.failures()).as("counted tries leave the owner's count alone").isZero();
    }
}
