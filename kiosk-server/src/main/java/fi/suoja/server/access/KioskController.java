package fi.suoja.server.access;

import fi.suoja.server.problem.SuojaException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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

@Controller("/api/v1/kiosks")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class KioskController {

    private final AccessService access;

    KioskController(AccessService access) {
        this.access = access;
    }

    @Serdeable
    record NewKioskRequest(@NotNull Long siteId, @NotBlank @Size(max = Kiosk.NAME_MAX) String name) {
    }

    @Get
    @Secured(Role.ADMIN_ROLE)
    List<KioskView> list() {
        return access.listKiosks();
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Role.ADMIN_ROLE)
    NewKiosk create(@Body @Valid NewKioskRequest body) {
        return access.createKiosk(body.siteId(), body.name().strip());
    }

    @Post("/{id}/token")
    @Secured(Role.ADMIN_ROLE)
    NewKiosk renewToken(long id) {
        return access.renewKioskToken(id);
    }

    @Post("/{id}/revoke")
    @Secured(Role.ADMIN_ROLE)
    KioskView revoke(long id) {
        return access.revokeKiosk(id);
    }

    /** A kiosk asks who it is: its name and site, for its own screen. */
    @Get("/me")
    @Secured(Role.KIOSK_ROLE)
    KioskView me(Authentication authentication) {
        Caller.KioskClient kiosk = (Caller.KioskClient) Caller.of(authentication);
        return access.kiosk(kiosk.kioskId()).orElseThrow(() -> SuojaException.notFound("The kiosk"));
    }
}
