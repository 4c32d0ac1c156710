package fi.suoja.server.stats;

import fi.suoja.server.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;

/**
 * Rooms' calendar feeds. The feed itself is open to anyone with its key (calendar apps send no
 * bearer token); the link with the key is for staff.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarController {

    static final String ICS = "text/calendar; charset=utf-8";

    private final CalendarFeed feeds;

    CalendarController(CalendarFeed feeds) {
        this.feeds = feeds;
    }

    @Get("/rooms/{id}/calendar-link")
    @Secured(Role.STAFF_ROLE)
    @SecurityRequirement(name = "bearer")
    CalendarLink link(long id, @Nullable @QueryValue @Pattern(regexp = "[a-z]{2,3}") String lang) {
        return feeds.link(id, lang);
    }

    /** Anonymous by design: the key in the address is the permission. A wrong key is a 404, as for an unknown room. */
    @Get(value = "/rooms/{id}/calendar.ics", produces = {ICS, MediaType.APPLICATION_JSON})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> feed(long id, @Nullable @QueryValue String key,
                              @Nullable @QueryValue @Pattern(regexp = "[a-z]{2,3}") String lang) {
        return HttpResponse.ok(feeds.feed(id, key, lang))
                .contentType(MediaType.of(ICS))
                .header("Content-Disposition", "inline; filename=\"room-" + id + ".ics\"")
                .header("Cache-Control", "private, max-age=300");
    }
}
