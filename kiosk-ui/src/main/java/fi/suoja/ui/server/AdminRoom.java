package fi.suoja.ui.server;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A room as an administrator sees and edits it: its details, weekly hours and exception days. */
public record AdminRoom(long id, long siteId, Details details, boolean active, List<Hours> hours, List<OtherDay> exceptions) {

    /**
     * What an administrator types about a room; a blank lock or sign id means none. {@code name}
     * and {@code place} are in the library's first language; {@code names} and {@code places} in
     * the kiosk's other languages (language tag to text; a language left out has none of its own).
     */
    public record Details(String name, String place, int capacity, boolean stepFree, Set<Equipment> equipment,
                          String doorLockId, boolean keypad, String roomSignId,
                          Map<String, String> names, Map<String, String> places) {

        public Details {
            names = Map.copyOf(names);
            places = Map.copyOf(places);
        }
    }

    /** Opening hours on one weekday; a weekday that is not listed is closed. */
    @ApiSchema("RoomView.WeekdayHours")
    public record Hours(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
    }

    /** A day with other hours than usual; {@code opens} and {@code closes} are null when closed. */
    @ApiSchema("RoomView.OtherDay")
    public record OtherDay(LocalDate date, boolean closed, LocalTime opens, LocalTime closes, String note) {
    }
}
