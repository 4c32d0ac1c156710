package fi.suoja.server.room;

import fi.suoja.server.site.BookingRules;
import fi.suoja.server.site.Site;

/**
 * A room with everything a booking of it is checked against: its texts, its library, the
 * library's rules and the room's hours. Read at once by {@link RoomService#bookable(long)}.
 */
public record BookableRoom(Room room, RoomTexts texts, Site site, BookingRules rules, RoomSchedule schedule) {
}
