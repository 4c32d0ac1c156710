package fi.suoja.server.booking;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Bookings by code. Kiosks act for citizens and see only their own site's bookings; wrong codes
 * typed at a kiosk are counted and, past the limit, refused for a while.
 */
@Controller("/api/v1")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class BookingController {

    private final BookingService bookings;

    BookingController(BookingService bookings) {
        this.bookings = bookings;
    }

    @Serdeable
    record CreateBooking(
            @NotNull Long roomId,
            @NotNull Instant start,
            @NotNull @Min(1) @Max(24 * 60) Integer minutes,
            @Nullable @Size(max = 40) String libraryCard,
            @Nullable @Size(max = Booking.NAME_ON_DOOR_MAX) String nameOnDoor,
            @Nullable @Pattern(regexp = "[a-z]{2,3}") String language) {
    }

    @Serdeable
    record Extension(@NotNull @Min(1) @Max(24 * 60) Integer minutes) {
    }

    @Serdeable
    record Cancellation(@Nullable @Size(max = Booking.REASON_MAX) String reason) {
    }

    @Post("/bookings")
    @Status(HttpStatus.CREATED)
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    BookingView create(@Body @Valid CreateBooking body, Authentication authentication) {
        return bookings.create(Caller.of(authentication),
                new NewBooking(body.roomId(), body.start(), body.minutes(), body.libraryCard(), body.nameOnDoor(),
                        body.language()));
    }

    @Get("/bookings/{code}")
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    BookingView find(@Size(max = 40) String code, Authentication authentication) {
        return bookings.find(Caller.of(authentication), code);
    }

    @Post("/bookings/{code}/check-in")
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    BookingView checkIn(@Size(max = 40) String code, Authentication authentication) {
        return bookings.checkIn(Caller.of(authentication), code);
    }

    @Post("/bookings/{code}/extend")
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    BookingView extend(@Size(max = 40) String code, @Body @Valid Extension body, Authentication authentication) {
        return bookings.extend(Caller.of(authentication), code, body.minutes());
    }

    @Post("/bookings/{code}/end")
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    BookingView end(@Size(max = 40) String code, Authentication authentication) {
        return bookings.end(Caller.of(authentication), code);
    }

    @Post("/bookings/{code}/cancel")
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    BookingView cancel(@Size(max = 40) String code, @Body @Valid Cancellation body, Authentication authentication) {
        return bookings.cancel(Caller.of(authentication), code, body.reason());
    }

    /** The day's bookings of a site, codes included: for staff only, never for a kiosk. */
    @Get("/sites/{siteId}/bookings")
    @Secured(Role.STAFF_ROLE)
    List<BookingView> ofDay(long siteId, @QueryValue LocalDate date) {
        return bookings.ofSiteDay(siteId, date);
    }
}
