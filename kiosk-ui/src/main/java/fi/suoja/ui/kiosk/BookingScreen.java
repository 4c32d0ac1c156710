package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.Booking;
import fi.suoja.ui.server.ServerProblem;
import fi.suoja.ui.server.Site;

import java.util.function.Supplier;

/** A booking found by its code: what it is, and what can be done with it now. */
class BookingScreen extends Section {

    private final KioskView kiosk;

    BookingScreen(KioskView kiosk, Site site, Booking booking, String notice) {
        this.kiosk = kiosk;
        addClassName("screen");
        add(Parts.heading(kiosk.t("booking.heading")));
        if (notice != null) {
            add(Parts.notice("booking-notice", notice));
        }
        Div facts = new Div(
                Parts.fact("booking-code", kiosk.t("done.bookingCode"), booking.code()),
                Parts.fact("booking-state", kiosk.t("booking.state"), state(booking.status())),
                Parts.fact("done-room", kiosk.t("confirm.room"), booking.room().name(kiosk.language().tag())),
                Parts.fact("done-place", kiosk.t("confirm.place"), booking.room().place(kiosk.language().tag())),
                Parts.fact("done-time", kiosk.t("confirm.time"), Times.range(kiosk, site, booking.start(), booking.end()), true));
        if (booking.doorCode() != null && (booking.confirmed() || booking.checkedIn())) {
            facts.add(Parts.fact("door-code", kiosk.t("done.doorCode"), booking.doorCode()));
        }
        facts.addClassName("facts");
        add(facts);
        String code = booking.code();
        int more = Math.max(site.slotStepMinutes(), (30 + site.slotStepMinutes() - 1) / site.slotStepMinutes() * site.slotStepMinutes());
        Div actions = Parts.grid();
        if (booking.confirmed()) {
            actions.add(Parts.primary(kiosk, "check-in", VaadinIcon.SIGN_IN, kiosk.t("booking.checkIn"),
                            () -> change(code, () -> kiosk.services().client().checkIn(code), "booking.checkedIn")),
                    Parts.button(kiosk, "cancel", VaadinIcon.CLOSE_CIRCLE, kiosk.t("booking.cancel"),
                            () -> kiosk.askFirst(AskScreen.Question.CANCEL, booking,
                                    () -> change(code, () -> kiosk.services().client().cancel(code), "booking.cancelled"))));
        } else if (booking.checkedIn()) {
            actions.add(Parts.primary(kiosk, "extend", VaadinIcon.TIME_FORWARD, kiosk.t("booking.extend", more),
                            () -> change(code, () -> kiosk.services().client().extend(code, more), "booking.extended")),
                    Parts.button(kiosk, "end", VaadinIcon.SIGN_OUT, kiosk.t("booking.end"),
                            () -> kiosk.askFirst(AskScreen.Question.END, booking,
                                    () -> change(code, () -> kiosk.services().client().end(code), "booking.ended"))));
        }
        add(actions);
    }

    /** Does one thing to the booking and shows it again, with a plain sentence of what happened. */
    private void change(String code, Supplier<Booking> call, String doneKey) {
        try {
            kiosk.showBooking(call.get(), kiosk.t(doneKey));
        } catch (ServerProblem problem) {
            kiosk.showBooking(kiosk.services().client().find(code), kiosk.t(Problem.of(problem).key()));
        }
    }

    private String state(Booking.Status status) {
        return kiosk.t("booking.state." + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
