package fi.suoja.ui.staff;

import fi.suoja.ui.server.ServerEvents;

/**
 * A desk part's subscription to one of the server's event streams, open while the part is on
 * screen: started on attach, closed on detach (a desk left open on another page follows nothing).
 */
final class Following {

    private ServerEvents events;

    /** Follows this stream from now on, closing the one followed before. */
    void start(ServerEvents stream) {
        stop();
        events = stream;
    }

    void stop() {
        if (events != null) {
            events.close();
            events = null;
        }
    }

    /** Whether the stream is open and reading right now. */
    boolean live() {
        return events != null && events.live();
    }
}
