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
        add(Parts.heading(kiosk.t("confirm.heading")), notices);
        add(Parts.fact("confirm-room", kiosk.t("confirm.room"), room.name()),
                Parts.fact("confirm-place", kiosk.t("confirm.place"), room.place()),
                Parts.fact("confirm-time", kiosk.t("confirm.time"), Times.range(kiosk, site, start, start.plusSeconds(minutes * 60L)), true));
        if (!wishes.offered().isEmpty()) {
            add(Parts.say(kiosk.t("confirm.devices")));
            Div devices = Parts.grid();
            devices.addClassName("devices");
            for (DeviceWishes.Device device : wishes.offered()) {
                NativeButton toggle = Parts.button(kiosk, device.id(), icon(device), kiosk.t(device.key), () -> { });
                toggle.addClassName("toggle");
                toggle.getElement().setAttribute("aria-pressed", Boolean.toString(wishes.wishes(device)));
                toggle.addClickListener(click -> {
                    wishes.toggle(device);
                    toggle.getElement().setAttribute("aria-pressed", Boolean.toString(wishes.wishes(device)));
                });
                devices.add(toggle);
            }
            add(devices);
        }
        add(Parts.row(Parts.primary(kiosk, "confirm", VaadinIcon.CHECK, kiosk.t("confirm.book"),
                () -> kiosk.book(room, start, minutes, wishes))));
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
