package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.ZoneId;

/** The kiosk's own library: its name, time zone and the booking rules the kiosk needs to offer choices. */
public record Site(long id, String name, ZoneId zone, int slotStepMinutes, int minBookingMinutes,
                   int maxBookingMinutes, int maxDaysAhead, boolean libraryCardRequired) {

    /** A site as the server's API shows it, rules included. */
    static Site of(JsonNode site) {
        JsonNode rules = site.path("rules");
        return new Site(site.path("id").asLong(), site.path("name").asText(), ZoneId.of(site.path("timeZone").asText()),
                rules.path("slotStepMinutes").asInt(), rules.path("minBookingMinutes").asInt(),
                rules.path("maxBookingMinutes").asInt(), rules.path("maxDaysAhead").asInt(),
                rules.path("libraryCardRequired").asBoolean());
    }
}
