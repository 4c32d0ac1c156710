package fi.suoja.server.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Turns a bearer token into an {@link Authentication} by looking it up in the database. */
@Singleton
class AccessTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final AccessService access;

    AccessTokenValidator(AccessService access) {
        this.access = access;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        // The look-up is blocking JDBC: keep it off the event loop.
        return Mono.fromCallable(() -> access.authenticate(token).orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
