package fi.suoja.server.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code suoja.metrics}: the bearer token a Prometheus scrape must send ({@code SUOJA_METRICS_TOKEN};
 * without one nobody can scrape), and how long counts read from the database are reused, so that
 * a scrape every few seconds costs a handful of small queries at most.
 */
@ConfigurationProperties("suoja.metrics")
record MetricsConfig(@Nullable String token, @NotNull Duration countsFor) {

    /** Shorter tokens are refused: they could be guessed. */
    static final int TOKEN_MIN_LENGTH = 24;

    boolean scrapeAllowed() {
        return token != null && token.strip().length() >= TOKEN_MIN_LENGTH;
    }
}
