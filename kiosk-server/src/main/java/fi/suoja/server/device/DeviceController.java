package fi.suoja.server.device;

import fi.suoja.server.access.Caller;
import fi.suoja.server.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The fleet for staff: live state, hand-out and return by tag, wipes, and admin provisioning. */
@Controller("/api/v1/devices")
@Secured(Role.STAFF_ROLE)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeviceController {

    private static final String KEY = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";

    private final FleetLookup lookup;
    private final Provisioning provisioning;
    private final Loans loans;
    private final Servicing servicing;
    private final DeviceHistories histories;
    private final WipeMany wipeMany;

    DeviceController(FleetLookup lookup, Provisioning provisioning, Loans loans, Servicing servicing, DeviceHistories histories,
                     WipeMany wipeMany) {
        this.wipeMany = wipeMany;
        this.histories = histories;
        this.lookup = lookup;
        this.provisioning = provisioning;
        this.loans = loans;
        this.servicing = servicing;
    }

    @Serdeable
    record NewDevice(@NotBlank @Pattern(regexp = Device.TAG_PATTERN) String tag, @NotNull DeviceKind kind, @NotNull @Positive Long siteId) {
    }

    @Serdeable
    record HandOut(@NotBlank @Pattern(regexp = Device.TAG_PATTERN) String tag,
                   @Nullable @Size(max = 40) String bookingCode,
                   @Nullable @Positive Long bookingId,
                   @Nullable Instant walkInUntil) {
    }

    @Serdeable
    record Return(@NotBlank @Pattern(regexp = Device.TAG_PATTERN) String tag) {
    }

    /** Devices by id or tag. */
    @Serdeable
    record Devices(@NotEmpty @Size(max = WipeMany.MAX_DEVICES) List<@NotNull @Pattern(regexp = KEY) String> devices) {
    }

    @Serdeable
    record Reason(@NotBlank @Size(max = 300) String reason) {
    }

    @Serdeable
    record Note(@Nullable @Size(max = 300) String note) {
    }

    @Get
    List<Views.DeviceView> list(@Nullable @QueryValue @Positive Long siteId, @Nullable @QueryValue DeviceState state) {
        return lookup.list(siteId, state);
    }

    @Get("/{id}")
    Views.DeviceView get(@Pattern(regexp = KEY) String id) {
        return lookup.get(id);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Role.ADMIN_ROLE)
    Views.Provisioned register(@Body @Valid NewDevice body) {
        return provisioning.register(body.tag(), body.kind(), body.siteId());
    }

    @Get("/broker-files")
    @Secured(Role.ADMIN_ROLE)
    Views.BrokerFilesView brokerFiles() {
        return provisioning.brokerFiles();
    }

    @Post("/hand-out")
    Views.DeviceView handOut(@Body @Valid HandOut body, Authentication authentication) {
        return loans.handOut(body.tag(), new Loans.HandOut(
                body.bookingCode() == null || body.bookingCode().isBlank() ? null : body.bookingCode(),
                body.bookingId(), body.walkInUntil()), Caller.of(authentication));
    }

    @Post("/return")
    Views.DeviceView returnDevice(@Body @Valid Return body, Authentication authentication) {
        return loans.returnDevice(body.tag(), Caller.of(authentication));
    }

    /** "Wipe now" for many devices at once: each as {@code POST /{id}/wipe}, all or none. */
    @Post("/wipe")
    List<Views.DeviceView> wipeMany(@Body @Valid Devices body) {
        return wipeMany.wipe(body.devices());
    }

    @Post("/{id}/wipe")
    Views.DeviceView wipe(@Pattern(regexp = KEY) String id) {
        return servicing.wipe(id);
    }

    @Post("/{id}/faulty")
    Views.DeviceView faulty(@Pattern(regexp = KEY) String id, @Body @Valid Reason body) {
        return servicing.faulty(id, body.reason().strip());
    }

    @Post("/{id}/repaired")
    Views.DeviceView repaired(@Pattern(regexp = KEY) String id, @Body @Valid Note body) {
        return servicing.repaired(id, body.note());
    }

    /** Resets the device's session tracking: the agent's next signed message is heard whatever its epoch. */
    @Post("/{id}/hear-again")
    Views.DeviceView hearAgain(@Pattern(regexp = KEY) String id) {
        return servicing.hearAgain(id);
    }

    @Post("/{id}/retire")
    @Secured(Role.ADMIN_ROLE)
    Views.DeviceView retire(@Pattern(regexp = KEY) String id, @Body @Valid Reason body) {
        return servicing.retire(id, body.reason().strip());
    }

    /** The device's loans, wipes, faults and repairs, newest first: the newest {@code limit} of them. */
    @Get("/{id}/history{?limit}")
    Views.HistoryView history(@Pattern(regexp = KEY) String id,
                              @QueryValue(defaultValue = "" + DeviceHistories.LIMIT_DEFAULT) @Min(1) @Max(DeviceHistories.LIMIT_MAX) int limit) {
        return histories.of(id, limit);
    }

    @Get("/{id}/wipe-reports")
    List<Views.WipeReportView> reports(@Pattern(regexp = KEY) String id) {
        return lookup.reports(id);
    }
}
