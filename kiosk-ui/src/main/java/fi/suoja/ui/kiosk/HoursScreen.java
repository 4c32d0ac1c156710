package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.RoomChoice;
import fi.suoja.ui.server.Site;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * A day with more start times than fit on one screen: first the hour, then (on the rooms screen)
 * the start times in that hour. Every hour with a free start is here, so every start is two taps
 * away, from the opening to the last start before closing.
 */
class HoursScreen extends Section {

    /** Start buttons that fit on one screen without the hour step (three rows of four, or so). */
    static final int FIT_ON_ONE_SCREEN = 12;

    HoursScreen(KioskView kiosk, Site site, List<RoomChoice> rooms, IntConsumer chosen) {
        addClassName("screen");
        Div hours = Parts.grid();
        hours.addClassName("hours");
        for (int hour : hours(site, rooms)) {
            String range = kiosk.t("time.range", String.format(Locale.ROOT, "%02d:00", hour),
                    String.format(Locale.ROOT, "%02d:00", (hour + 1) % 24));
            NativeButton button = Parts.button(kiosk, "hour-" + hour, VaadinIcon.CLOCK, range, () -> chosen.accept(hour));
            button.getChildren().skip(1).findFirst().ifPresent(words -> {
                words.addClassName(Parts.DATA);
                // "14:00–15:00" in reading order inside right-to-left text, as every time range
                words.getElement().setAttribute("dir", "auto");
            });
            hours.add(button);
        }
        add(Parts.heading(kiosk.t("hours.heading")), hours);
    }

    /** The local hours of the day in which some room has a start. */
    static SortedSet<Integer> hours(Site site, List<RoomChoice> rooms) {
        SortedSet<Integer> hours = new TreeSet<>();
        for (RoomChoice room : rooms) {
            for (Instant start : room.starts()) {
                hours.add(start.atZone(site.zone()).getHour());
            }
        }
        return hours;
    }

    /** The rooms with only their starts in {@code hour}; rooms with none left out. */
    static List<RoomChoice> inHour(Site site, List<RoomChoice> rooms, int hour) {
        return rooms.stream()
                .map(room -> new RoomChoice(room.roomId(), room.texts(), room.capacity(), room.stepFree(), room.equipment(),
                        room.starts().stream().filter(start -> start.atZone(site.zone()).getHour() == hour).toList(),
                        room.maxMinutes()))
                .filter(room -> !room.starts().isEmpty())
                .toList();
    }

    /** Whether every start of the day fits on one screen, so the hour need not be asked. */
    static boolean fitsOnOneScreen(List<RoomChoice> rooms) {
        return rooms.stream().mapToInt(room -> room.starts().size()).sum() <= FIT_ON_ONE_SCREEN;
    }
}
