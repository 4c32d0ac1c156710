package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.Site;

import java.util.List;
import java.util.TreeSet;

/** The few lengths offered as buttons: round ones a person thinks in, inside the library's rules. */
final class Lengths {

    private static final int[] ROUND = {30, 60, 90, 120};

    private Lengths() {
    }

    /**
     * The shortest length the kiosk offers: what "free now", the start screen's count and the next
     * free time are asked for, so that all of them speak of the same booking.
     */
    static int shortest(Site site) {
        List<Integer> lengths = offered(site, site.maxBookingMinutes());
        return lengths.isEmpty() ? site.minBookingMinutes() : lengths.get(0);
    }

    static List<Integer> offered(Site site, int atMost) {
        int max = Math.min(site.maxBookingMinutes(), atMost);
        TreeSet<Integer> lengths = new TreeSet<>();
        for (int minutes : ROUND) {
            if (minutes >= site.minBookingMinutes() && minutes <= max && minutes % site.slotStepMinutes() == 0) {
                lengths.add(minutes);
            }
        }
        if (lengths.isEmpty() && max >= site.minBookingMinutes()) {
            lengths.add(max / site.slotStepMinutes() * site.slotStepMinutes());
        }
        return List.copyOf(lengths);
    }
}
