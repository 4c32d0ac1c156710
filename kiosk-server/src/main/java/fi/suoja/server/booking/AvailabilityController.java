package fi.suoja.server.booking;

import fi.suoja.server.access.Caller;
import fi.suoja.server.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Controller("/api/v1/sites/{siteId}")
@Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class AvailabilityController {

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    /** Each room's free ranges on a day and the start times that fit a booking of {@code minutes}. */
    @Get("/availability")
    List<RoomAvailability> forDay(long siteId, @QueryValue LocalDate date,
                                  @Nullable @QueryValue @Min(5) @Max(24 * 60) Integer minutes,
                                  Authentication authentication) {
        Caller.of(authentication).requireSite(siteId);
        return availability.forDay(siteId, date, Optional.ofNullable(minutes));
    }

    /** Rooms free from now for at least {@code minutes}. */
    @Get("/free-now")
    List<FreeRoom> freeNow(long siteId, @QueryValue(defaultValue = "15") @Min(5) @Max(24 * 60) int minutes,
                           Authentication authentication) {
        Caller.of(authentication).requireSite(siteId);
        return availability.freeNow(siteId, minutes);
    }

    /**
     * Free, full or closed now, when the rooms open, and the next free start for a booking of
     * {@code minutes} from the local day {@code from} on (today when left out).
     */
    @Get("/now")
    SiteNow now(long siteId, @QueryValue(defaultValue = "15") @Min(5) @Max(24 * 60) int minutes,
                @Nullable @QueryValue LocalDate from, Authentication authentication) {
        Caller.of(authentication).requireSite(siteId);
        return availability.now(siteId, minutes, Optional.ofNullable(from));
    }
}
