package fi.suoja.server.help;

import fi.suoja.server.access.Caller;
import fi.suoja.server.access.Role;
import fi.suoja.server.live.EventStreams;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * Kiosks raise and cancel help calls; staff list, acknowledge and resolve them; both follow them
 * live at {@code /events}.
 */
@Controller("/api/v1/help-calls")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class HelpCallController {

    private final HelpCallService help;
    private final HelpCallChanges changes;

    HelpCallController(HelpCallService help, HelpCallChanges changes) {
        this.help = help;
        this.changes = changes;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Role.KIOSK_ROLE)
    KioskHelpCallView raise(@Body @Valid NewHelpCall body, Authentication authentication) {
        return help.raise((Caller.KioskClient) Caller.of(authentication), body);
    }

    @Post("/{id}/cancel")
    @Secured(Role.KIOSK_ROLE)
    KioskHelpCallView cancel(long id, Authentication authentication) {
        return help.cancel((Caller.KioskClient) Caller.of(authentication), id);
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

    /**
     * Server-sent events. A desk names its library ({@code siteId}) and gets its open calls as one
     * {@code help-calls} event, then a {@code help-call} event with the whole call for every change
     * of a call of that library. A kiosk gets the same for its own calls only (those of the last
     * {@code suoja.help.expire-after} and any still open), seen as a kiosk sees them. Every
     * (re)connect starts with the state, so a change made while the stream was down is not lost.
     */
    @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    Publisher<Event<?>> events(@Nullable @QueryValue Long siteId, Authentication authentication) {
        Flux<Event<?>> events;
        if (Caller.of(authentication) instanceof Caller.KioskClient kiosk) {
            events = changes.stateThenChanges(call -> call.kioskId() == kiosk.kioskId(),
                    () -> Event.of((Object) help.ofKiosk(kiosk.kioskId())).name("help-calls"),
                    call -> Event.of((Object) KioskHelpCallView.of(call)).name("help-call").id(Long.toString(call.id())));
        } else {
            if (siteId == null) {
                throw SuojaException.invalid("Name the library whose help calls to follow: siteId.");
            }
            events = changes.stateThenChanges(call -> call.siteId() == siteId,
                    () -> Event.of((Object) help.list(true, siteId)).name("help-calls"),
                    call -> Event.of((Object) call).name("help-call").id(Long.toString(call.id())));
        }
        return EventStreams.framed(events);
    }
}
