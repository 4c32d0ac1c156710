package fi.suoja.ui.server;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room the kiosk can offer, with the start times that fit the asked length. For "now" there is
 * one start (this moment) and {@code maxMinutes} says how long the room stays free.
 */
public record RoomChoice(long roomId, RoomTexts texts, int capacity, boolean stepFree,
                         Set<Equipment> equipment, List<Instant> starts, int maxMinutes) {

    public RoomChoice {
        equipment = Set.copyOf(equipment);
        starts = List.copyOf(starts);
    }

    /** The room's name for a reader of {@code language}. */
    public String name(String language) {
        return texts.name(language);
    }

    /** Where the room is, for a reader of {@code language}. */
    public String place(String language) {
        return texts.place(language);
    }

    /** A room free from one start for up to {@code maxMinutes}, as free-now and now give it. */
    @ApiSchema("FreeRoom")
    record FreeRoom(long roomId, String name, String place, Map<String, String> names, Map<String, String> places,
                    int capacity, boolean stepFree, @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) List<Equipment> equipment, Instant start, int maxMinutes) {

        RoomChoice choice() {
            return new RoomChoice(roomId, new RoomTexts(name, place, names, places), capacity, stepFree,
                    Equipment.known(equipment), List.of(start), maxMinutes);
        }
    }

    /** A room and the starts on one day that fit the asked length, as availability gives it. */
    @ApiSchema("RoomAvailability")
    record Available(long roomId, String name, String place, Map<String, String> names, Map<String, String> places,
                     int capacity, boolean stepFree, @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) List<Equipment> equipment, List<Instant> starts) {

        RoomChoice choice(int minutes) {
            return new RoomChoice(roomId, new RoomTexts(name, place, names, places), capacity, stepFree,
                    Equipment.known(equipment), starts, minutes);
        }
    }
}
