package fi.suoja.server.access;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

@Controller("/api/v1/accounts")
@Secured(Role.ADMIN_ROLE)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {

    private final AccessService access;

    AccountController(AccessService access) {
        this.access = access;
    }

    @Serdeable
    record NewAccount(
            @NotNull @Pattern(regexp = "[a-z0-9._-]{3,60}", message = "use 3 to 60 small letters, digits, dots, dashes") String username,
            @NotNull @Size(min = 12, max = 200, message = "a password has 12 to 200 characters") String password,
            @NotNull Role role) {
    }

    @Serdeable
    record NewPassword(@NotNull @Size(min = 12, max = 200, message = "a password has 12 to 200 characters") String password) {
    }

    @Get
    List<AccountView> list() {
        return access.listAccounts();
    }

    @Post
    @Status(HttpStatus.CREATED)
    AccountView create(@Body @Valid NewAccount body) {
        return access.createAccount(body.username(), body.password(), body.role());
    }

    @Put("/{id}/password")
    AccountView resetPassword(long id, @Body @Valid NewPassword body) {
        return access.resetPassword(id, body.password());
    }

    @Post("/{id}/deactivate")
    AccountView deactivate(long id, Authentication authentication) {
        return access.deactivate(id, (Caller.Staff) Caller.of(authentication));
    }
}
