package fi.suoja.server.help;

import fi.suoja.server.access.Caller;
import fi.suoja.server.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;

/** Kiosks raise help calls; staff list, acknowledge and resolve them. */
@Controller("/api/v1/help-calls")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class HelpCallController {

    private final HelpCallService help;

    HelpCallController(HelpCallService help) {
        this.help = help;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Role.KIOSK_ROLE)
    HelpCallView raise(Authentication authentication) {
        return help.raise((Caller.KioskClient) Caller.of(authentication));
    }

    @Get
    @Secured(Role.STAFF_ROLE)
    List<HelpCallView> list(@QueryValue(defaultValue = "true") boolean open, @Nullable @QueryValue Long siteId) {
        return help.list(open, siteId);
    }

    @Post("/{id}/acknowledge")
    @Secured(Role.STAFF_ROLE)
    HelpCallView acknowledge(long id, Authentication authentication) {
        return help.acknowledge(id, (Caller.Staff) Caller.of(authentication));
    }

    @Post("/{id}/resolve")
    @Secured(Role.STAFF_ROLE)
    HelpCallView resolve(long id, Authentication authentication) {
        return help.resolve(id, (Caller.Staff) Caller.of(authentication));
    }
}
