package fi.suoja.server.room;

import fi.suoja.server.access.Caller;
import fi.suoja.server.access.Role;
import fi.suoja.server.input.InputRules;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.core.annotation.Nullable;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

@Controller("/api/v1")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class RoomController {

    private final RoomService rooms;

    RoomController(RoomService rooms) {
        this.rooms = rooms;
    }

    /**
     * A room as an admin writes it. {@code name} and {@code place} are the library's first
     * language's; {@code names} and {@code places} ({@code {"sv": "…", "en": "…"}}) the texts in any
     * of the kiosk's languages, the first's included if wanted (it must then agree with
     * {@code name}). Left out, the other languages' texts stay as they are.
     */
    @Serdeable
    record RoomBody(
            @Nullable @Size(max = Room.NAME_MAX) String name,
            @Nullable @Size(max = Room.PLACE_MAX) String place,
            @Nullable Map<String, String> names,
            @Nullable Map<String, String> places,
            @NotNull @Min(1) @Max(50) Integer capacity,
            boolean stepFree,
            @Nullable Set<Equipment> equipment,
            @Nullable @Size(max = Room.HARDWARE_ID_MAX) String doorLockId,
            boolean keypad,
            @Nullable @Size(max = Room.HARDWARE_ID_MAX) String roomSignId,
            @Nullable Boolean active) {

        RoomService.RoomDetails details() {
            return new RoomService.RoomDetails(first(name, names, "name", "names"), first(place, places, "place", "places"),
                    capacity, stepFree, equipment == null ? Set.of() : equipment, doorLockId, keypad, roomSignId,
                    active == null || active, others(names, Room.NAME_MAX, "names"), others(places, Room.PLACE_MAX, "places"));
        }

        /** The first language's text: {@code single}, or the map's entry for it; both given must agree. */
        private static String first(@Nullable String single, @Nullable Map<String, String> all, String field, String mapField) {
            String fromMap = all == null ? null : blankToNull(all.get(RoomTexts.FIRST));
            String given = blankToNull(single);
            if (given != null && fromMap != null && !given.equals(fromMap)) {
                throw SuojaException.invalid("The " + field + " and " + mapField + "." + RoomTexts.FIRST
                        + " say different things: give the first language's text once.");
            }
            String text = given != null ? given : fromMap;
            if (text == null) {
                throw SuojaException.invalid("The room needs a " + field + " in the library's first language ("
                        + field + ", or " + mapField + "." + RoomTexts.FIRST + ").");
            }
            return text;
        }

        /** The other languages' texts, each checked; null when the client did not send the map. */
        @Nullable
        private static Map<String, String> others(@Nullable Map<String, String> all, int max, String field) {
            if (all == null) {
                return null;
            }
            Map<String, String> others = new TreeMap<>();
            all.forEach((language, text) -> {
                if (!RoomTexts.LANGUAGES.contains(language)) {
                    throw SuojaException.invalid(field + " has a language the kiosk does not have: '" + language
                            + "'. Use " + String.join(", ", RoomTexts.LANGUAGES) + ".");
                }
                String value = blankToNull(text);
                if (value != null && value.length() > max) {
                    throw SuojaException.invalid(field + "." + language + " is longer than " + max + " characters.");
                }
                if (value != null && !language.equals(RoomTexts.FIRST)) {
                    others.put(language, value);
                }
            });
            return others;
        }

        @Nullable
        private static String blankToNull(@Nullable String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    @Serdeable
    record HoursBody(@NotNull DayOfWeek weekday, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    @Serdeable
    record ExceptionBody(boolean closed, @Nullable LocalTime opens, @Nullable LocalTime closes,
                         @Nullable @Size(max = ExceptionDay.NOTE_MAX) String note) {
    }

    @Get("/sites/{siteId}/rooms")
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    List<RoomView> list(long siteId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        caller.requireSite(siteId);
        return rooms.viewsOfSite(siteId).stream().map(room -> forCaller(room, caller)).toList();
    }

    @Post("/sites/{siteId}/rooms")
    @Status(HttpStatus.CREATED)
    @Secured(Role.ADMIN_ROLE)
    RoomView create(long siteId, @Body @Valid RoomBody body) {
        return rooms.create(siteId, body.details());
    }

    @Get("/rooms/{id}")
    @Secured({Role.STAFF_ROLE, Role.KIOSK_ROLE})
    RoomView get(long id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        RoomView room = rooms.view(id);
        caller.requireSite(room.siteId(), "The room");
        return forCaller(room, caller);
    }

    /** Kiosks are not told which lock and sign a room has: nothing they show needs them. */
    private static RoomView forCaller(RoomView room, Caller caller) {
        return caller.isKiosk() ? room.withoutHardwareIds() : room;
    }

    @Put("/rooms/{id}")
    @Secured(Role.ADMIN_ROLE)
    RoomView update(long id, @Body @Valid RoomBody body) {
        return rooms.update(id, body.details());
    }

    @Put("/rooms/{id}/hours")
    @Secured(Role.ADMIN_ROLE)
    RoomView setHours(long id, @Body @Valid List<@Valid HoursBody> body) {
        Map<DayOfWeek, DailyHours> week = new EnumMap<>(DayOfWeek.class);
        for (HoursBody h : body) {
            if (week.put(h.weekday(), hours(h.opens(), h.closes())) != null) {
                throw SuojaException.invalid(h.weekday() + " is listed twice.");
            }
        }
        return rooms.setWeeklyHours(id, week);
    }

    @Put("/rooms/{id}/exceptions/{date}")
    @Secured(Role.ADMIN_ROLE)
    RoomView setException(long id, String date, @Body @Valid ExceptionBody body) {
        LocalDate day = InputRules.pathDate(date);
        if (body.closed()) {
            return rooms.setException(id, day, Optional.empty(), body.note());
        }
        if (body.opens() == null || body.closes() == null) {
            throw SuojaException.invalid("Give the opening and closing time, or mark the day closed.");
        }
        return rooms.setException(id, day, Optional.of(hours(body.opens(), body.closes())), body.note());
    }

    @Delete("/rooms/{id}/exceptions/{date}")
    @Secured(Role.ADMIN_ROLE)
    RoomView removeException(long id, String date) {
        return rooms.removeException(id, InputRules.pathDate(date));
    }

    private static DailyHours hours(LocalTime opens, LocalTime closes) {
        try {
            return new DailyHours(opens, closes);
        } catch (IllegalArgumentException e) {
            throw SuojaException.invalid("The hours do not add up: " + e.getMessage() + ".");
        }
    }
}
