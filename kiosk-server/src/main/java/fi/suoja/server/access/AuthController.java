package fi.suoja.server.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

    private final AccessService access;

    AuthController(AccessService access) {
        this.access = access;
    }

    @Serdeable
    record Login(@NotBlank @Size(max = Account.USERNAME_MAX) String username, @NotBlank @Size(max = 200) String password) {
    }

    @Serdeable
    record Me(String name, List<String> roles) {
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    LoginResult login(@Body @Valid Login login, HttpRequest<?> request) {
        return access.login(login.username(), login.password(), request.getRemoteAddress().getAddress().getHostAddress());
    }

    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    @Secured(Role.STAFF_ROLE)
    @SecurityRequirement(name = "bearer")
    void logout(@Header("Authorization") String authorization) {
        access.logout(authorization.substring("Bearer ".length()).trim());
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    HttpResponse<Me> me(Authentication authentication) {
        return HttpResponse.ok(new Me(authentication.getName(), List.copyOf(authentication.getRoles())));
    }
}
