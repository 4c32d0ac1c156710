package fi.suoja.server.audit;

import fi.suoja.server.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;
import java.time.Instant;

/** The audit log for admins: newest first, in pages, by time range, actor and action. */
@Controller("/api/v1/audit")
@Secured(Role.ADMIN_ROLE)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    /** {@code from} defaults to a week before {@code to}, {@code to} to now; {@code to} is not included. */
    @Get("{?from,to,actor,action,page,size}")
    AuditPage find(@Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                   @Nullable @QueryValue @Pattern(regexp = "[a-z0-9._-]{1,60}", message = "an actor is a user name") String actor,
                   @Nullable @QueryValue AuditAction action,
                   @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                   @QueryValue(defaultValue = "50") @Min(1) @Max(AuditLog.PAGE_MAX) int size) {
        Instant until = to == null ? log.now().plusSeconds(1) : to;
        Instant since = from == null ? until.minus(Duration.ofDays(7)) : from;
        return log.find(since, until, actor, action, page, size);
    }
}
