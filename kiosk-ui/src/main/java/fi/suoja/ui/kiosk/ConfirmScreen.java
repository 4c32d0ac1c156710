package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.RoomChoice;
import fi.suoja.ui.server.Site;

import java.time.Instant;

/** Is this right? The room, place and time, the loan devices the room lacks, and one button to book. */
class ConfirmScreen extends Section {

    private final Div notices = new Div();

    ConfirmScreen(KioskView kiosk, Site site, RoomChoice room, Instant start, int minutes, DeviceWishes wishes) {
        addClassName("screen");
        String language = kiosk.language().tag();
        add(Parts.heading(kiosk.t("confirm.heading")), notices);
        add(Parts.fact("confirm-room", kiosk.t("confirm.room"), room.name(language)),
                Parts.fact("confirm-place", kiosk.t("confirm.place"), room.place(language)),
                Parts.fact("confirm-time", kiosk.t("confirm.time"), Times.range(kiosk, site, start, start.plusSeconds(minutes * 60L)), true));
        if (!wishes.offered().isEmpty()) {
            // optional and secondary: switches in a quiet box, not buttons that look like "Book the room"
            Div devices = new Div(Parts.say(kiosk.t("confirm.devices")));
            devices.setId("devices");
            devices.addClassName("devices");
            devices.getElement().setAttribute("role", "group");
            devices.getElement().setAttribute("aria-label", kiosk.t("confirm.devicesGroup"));
            for (DeviceWishes.Device device : wishes.offered()) {
                devices.add(Parts.toggle(kiosk, device.id(), icon(device), kiosk.t(device.key), wishes.wishes(device),
                        on -> wishes.set(device, on)));
            }
            add(devices);
        }
        NativeButton book = Parts.primary(kiosk, "confirm", VaadinIcon.CHECK, kiosk.t("confirm.book"),
                () -> kiosk.book(room, start, minutes, wishes));
        book.addClassName("main-action");
        add(Parts.row(book));
    }

    void refused(String notice) {
        notices.add(Parts.notice("confirm-notice", notice));
    }

    static VaadinIcon icon(DeviceWishes.Device device) {
        return switch (device) {
            case LAPTOP -> VaadinIcon.LAPTOP;
            case WEBCAM -> VaadinIcon.CAMERA;
            case HEADSET -> VaadinIcon.HEADSET;
        };
    }
}
