package fi.suoja.server;

import fi.suoja.server.access.Role;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.time.Instant;

/** Moves the {@link OffsetClock} of a server run by the kiosk UI's tests; for an admin, and only there. */
@Controller("/test/clock")
@Secured(Role.ADMIN_ROLE)
@Requires(property = OffsetClock.SETTING, value = "true")
class OffsetClockController {

    private final OffsetClock clock;

    OffsetClockController(OffsetClock clock) {
        this.clock = clock;
    }

    @Serdeable
    record Advance(@Min(0) @Max(86_400) int seconds) {
    }

    @Serdeable
    record Now(Instant now) {
    }

    @Post("/advance")
    Now advance(@Body @Valid Advance body) {
        return new Now(clock.advance(Duration.ofSeconds(body.seconds())));
    }
}
