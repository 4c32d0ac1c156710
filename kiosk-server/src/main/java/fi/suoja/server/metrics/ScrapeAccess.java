package fi.suoja.server.metrics;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may scrape {@code /prometheus}: only a caller sending {@code Authorization: Bearer
 * <SUOJA_METRICS_TOKEN>}. The series say how busy a library is and which devices are out, so they
 * are not for the internet; without a configured token nobody may scrape. The token is not a staff
 * login and opens nothing else. Checked before every other rule.
 */
@Singleton
class ScrapeAccess implements SecurityRule<HttpRequest<?>>, ApplicationEventListener<StartupEvent> {

    static final String PATH = "/prometheus";
    private static final Logger LOG = LoggerFactory.getLogger(ScrapeAccess.class);
    private static final String BEARER = "Bearer ";

    private final MetricsConfig config;

    ScrapeAccess(MetricsConfig config) {
        this.config = config;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!config.scrapeAllowed()) {
            LOG.info("The metrics at {} cannot be scraped: set SUOJA_METRICS_TOKEN (at least {} characters) "
                    + "and send it as a bearer token", PATH, MetricsConfig.TOKEN_MIN_LENGTH);
        }
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || !(request.getPath().equals(PATH) || request.getPath().startsWith(PATH + "/"))) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        return Mono.just(tokenMatches(request.getHeaders().get(HttpHeaders.AUTHORIZATION))
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    private boolean tokenMatches(@Nullable String header) {
        if (!config.scrapeAllowed() || header == null || !header.startsWith(BEARER)) {
            return false;
        }
        byte[] sent = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        byte[] expected = config.token().strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, expected);
    }

    @Override
    public int getOrder() {
        // Before the ip-pattern, @Secured, intercept-url-map and endpoint rules (-300 … 0).
        return -400;
    }
}
