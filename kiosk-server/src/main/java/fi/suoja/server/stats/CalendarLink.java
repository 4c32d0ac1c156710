package fi.suoja.server.stats;

import io.micronaut.serde.annotation.Serdeable;

/** Where a room's calendar feed is: {@code path} is relative to the server and carries the feed's key. */
@Serdeable
public record CalendarLink(long roomId, String room, String path) {
}
