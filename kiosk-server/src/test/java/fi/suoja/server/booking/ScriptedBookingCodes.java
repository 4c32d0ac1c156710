package fi.suoja.server.booking;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** New booking codes in tests: random, unless a test has lined up codes of its choice to come first. */
@Singleton
@Replaces(BookingCodes.class)
class ScriptedBookingCodes extends BookingCodes {

    private final Queue<String> lined = new ConcurrentLinkedQueue<>();

    /** These codes come next, in this order; random ones again after them. */
    void lineUp(String... codes) {
        lined.addAll(List.of(codes));
    }

    /** How many lined-up codes were not handed out yet. */
    int left() {
        return lined.size();
    }

    @Override
    BookingCode next() {
        String code = lined.poll();
        return code == null ? super.next() : new BookingCode(code);
    }
}
