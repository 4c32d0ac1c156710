package fi.suoja.ui.server;

import java.time.Instant;
import java.util.List;
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
}
