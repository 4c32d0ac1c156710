package fi.suoja.server.site;

import fi.suoja.server.access.Caller;
import fi.suoja.server.access.Role;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

@Controller("/api/v1/sites")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class SiteController {

    private final SiteService sites;

    SiteController(SiteService sites) {
        this.sites = sites;
    }

    @Serdeable
    record NewSite(@NotBlank @Size(max = Site.NAME_MAX) String name, @Size(max = 64) String timeZone, @Valid Rules rules) {
    }

    /** The booking rules as the API shows and takes them. */
    @Serdeable
    record Rules(
            @NotNull Integer slotStepMinutes,
            @NotNull Integer minBookingMinutes,
            @NotNull Integer maxBookingMinutes,
            @NotNull Integer maxDaysAhead,
            @NotNull Integer bufferMinutes,
            @NotNull Integer checkInGraceMinutes,
            @NotNull Integer doorCodeLeadMinutes,
            @NotNull Boolean libraryCardRequired,
            @NotNull Integer maxActiveBookingsPerCard,
            @NotNull Boolean nameOnDoorAllowed) {

        static Rules of(BookingRules r) {
            return new Rules(r.slotStepMinutes(), r.minBookingMinutes(), r.maxBookingMinutes(), r.maxDaysAhead(),
                    r.bufferMinutes(), r.checkInGraceMinutes(), r.doorCodeLeadMinutes(), r.libraryCardRequired(),
                    r.maxActiveBookingsPerCard(), r.nameOnDoorAllowed());
        }

        BookingRules toRules(long siteId) {
            try {
                return new BookingRules(siteId, slotStepMinutes, minBookingMinutes, maxBookingMinutes, maxDaysAhead,
                        bufferMinutes, checkInGraceMinutes, doorCodeLeadMinutes, libraryCardRequired,
                        maxActiveBookingsPerCard, nameOnDoorAllowed);
            } catch (BookingRules.Broken e) {
                throw new SuojaException(ProblemType.INVALID_REQUEST, "The rules do not fit together: " + e.getMessage() + ".",
                        e.slug());
            }
        }
    }

    @Serdeable
    record SiteView(long id, String name, String timeZone, Rules rules) {
    }

    @Get
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    List<SiteView> list(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return sites.all().stream()
                .filter(site -> !(caller instanceof Caller.KioskClient kiosk) || kiosk.siteId() == site.id())
                .map(this::view).toList();
    }

    @Get("/{id}")
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    SiteView get(long id, Authentication authentication) {
        Caller.of(authentication).requireSite(id);
        return view(sites.get(id));
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Role.ADMIN_ROLE)
    SiteView create(@Body @Valid NewSite body) {
        String zone = body.timeZone() == null || body.timeZone().isBlank() ? "Europe/Helsinki" : body.timeZone();
        BookingRules rules = body.rules() == null ? BookingRules.defaults(0) : body.rules().toRules(0);
        return view(sites.create(body.name().strip(), zone, rules));
    }

    @Get("/{id}/rules")
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    Rules rules(long id, Authentication authentication) {
        Caller.of(authentication).requireSite(id);
        return Rules.of(sites.rules(id));
    }

    @Put("/{id}/rules")
    @Secured(Role.ADMIN_ROLE)
    Rules updateRules(long id, @Body @Valid Rules body) {
        return Rules.of(sites.updateRules(id, body.toRules(id)));
    }

    /** Days from {@value Site#RETENTION_DAYS_MIN} to {@value Site#RETENTION_DAYS_MAX}; the range is checked by the service, which names it. */
    @Serdeable
    record RetentionBody(@NotNull Integer retentionDays) {
    }

    @Get("/{id}/retention")
    @Secured(Role.STAFF_ROLE)
    Retention retention(long id) {
        return sites.retention(id);
    }

    @Put("/{id}/retention")
    @Secured(Role.ADMIN_ROLE)
    Retention updateRetention(long id, @Body @Valid RetentionBody body) {
        return sites.setRetention(id, body.retentionDays());
    }

    /** The site goes back to the server's setting. */
    @Delete("/{id}/retention")
    @Secured(Role.ADMIN_ROLE)
    Retention resetRetention(long id) {
        return sites.setRetention(id, null);
    }

    private SiteView view(Site site) {
        return new SiteView(site.id(), site.name(), site.timeZone(), Rules.of(sites.rules(site.id())));
    }
}
