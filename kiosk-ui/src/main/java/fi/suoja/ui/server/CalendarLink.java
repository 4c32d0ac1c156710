package fi.suoja.ui.server;

import java.net.URI;

/** A room's calendar feed for staff calendar apps: the address carries the feed's key, so it is shown to staff only. */
public record CalendarLink(long roomId, String room, URI url) {

    /** The server's answer: the feed's path on the server. */
    @ApiSchema("CalendarLink")
    record Answer(long roomId, String room, String path) {
    }
}
