package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.Equipment;
import fi.suoja.ui.server.RoomChoice;
import fi.suoja.ui.server.Site;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Room cards: where the room is, how many seats, what it has, each as an icon with a word. For
 * "now" each card offers lengths; for a later time, every start time given (all of the day, or of
 * the hour the visitor chose on {@link HoursScreen}). Only rooms with something to offer are
 * given: a time with no room goes to {@link NextFreeScreen} instead.
 */
class RoomsScreen extends Section {

    RoomsScreen(KioskView kiosk, Site site, List<RoomChoice> rooms, boolean now) {
        addClassName("screen");
        add(Parts.heading(kiosk.t(now ? "rooms.heading.now" : "rooms.heading.later")));
        String language = kiosk.language().tag();
        List<RoomChoice> offered = rooms.stream().filter(r -> !r.starts().isEmpty()).toList();
        Div cards = new Div();
        cards.addClassName("cards");
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm").withZone(site.zone());
        for (RoomChoice room : offered) {
            Div card = new Div();
            card.addClassName("card");
            card.setId("room-" + room.roomId());
            H2 name = new H2(room.name(language));
            name.addClassName(Parts.DATA);
            Div place = new Div(Parts.icon(VaadinIcon.LOCATION_ARROW_CIRCLE), Parts.data(room.place(language)));
            place.addClassName("place");
            card.add(name, place, features(kiosk, room));
            Div actions = new Div();
            actions.addClassName("card-actions");
            if (now) {
                for (int minutes : Lengths.offered(site, room.maxMinutes())) {
                    actions.add(Parts.primary(kiosk, "room-" + room.roomId() + "-for-" + minutes, VaadinIcon.STOPWATCH,
                            kiosk.t("length.minutes", minutes), () -> kiosk.pickRoom(room, room.starts().get(0), minutes)));
                }
            } else {
                for (Instant start : room.starts()) {
                    NativeButton at = Parts.primary(kiosk, "room-" + room.roomId() + "-at-" + clock.format(start).replace(":", ""),
                            VaadinIcon.CLOCK, clock.format(start), () -> kiosk.pickRoom(room, start, room.maxMinutes()));
                    at.getChildren().skip(1).findFirst().ifPresent(words -> words.addClassName(Parts.DATA));
                    actions.add(at);
                }
            }
            card.add(actions);
            cards.add(card);
        }
        add(cards);
    }

    static UnorderedList features(KioskView kiosk, RoomChoice room) {
        UnorderedList features = new UnorderedList();
        features.addClassName("features");
        features.add(feature(VaadinIcon.USERS, kiosk.t("room.seats", room.capacity())));
        if (room.stepFree()) {
            features.add(feature(VaadinIcon.ACCESSIBILITY, kiosk.t("room.stepFree")));
        }
        for (Equipment equipment : Equipment.values()) {
            if (room.equipment().contains(equipment)) {
                features.add(switch (equipment) {
                    case COMPUTER -> feature(VaadinIcon.LAPTOP, kiosk.t("room.computer"));
                    case WEBCAM -> feature(VaadinIcon.CAMERA, kiosk.t("room.webcam"));
                    case HEADSET -> feature(VaadinIcon.HEADSET, kiosk.t("room.headset"));
                    case LARGE_SCREEN -> feature(VaadinIcon.DESKTOP, kiosk.t("room.largeScreen"));
                    case INDUCTION_LOOP -> feature(VaadinIcon.HEADPHONES, kiosk.t("room.loop"));
                });
            }
        }
        return features;
    }

    private static ListItem feature(VaadinIcon icon, String words) {
        ListItem item = new ListItem(Parts.icon(icon), new Span(words));
        item.addClassName("feature");
        return item;
    }
}
