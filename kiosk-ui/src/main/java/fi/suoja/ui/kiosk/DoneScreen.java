package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.hardware.printer.PrintResult;
import fi.suoja.hardware.printer.Receipt;
import fi.suoja.ui.server.Booking;
import fi.suoja.ui.server.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The booking is made: the codes, the room and time, a QR code, Print, and in one sentence what
 * keeps the room the visitor's. The codes stay only while someone touches the screen (see
 * {@link KioskView#tick()}); the screen says so.
 */
class DoneScreen extends Section {

    private final Div printNotice = new Div();

    DoneScreen(KioskView kiosk, Site site, Booking booking, Set<DeviceWishes.Device> devices) {
        addClassName("screen");
        addClassName("done");
        String time = Times.range(kiosk, site, booking.start(), booking.end());
        Div facts = new Div(
                Parts.fact("booking-code", kiosk.t("done.bookingCode"), booking.code()));
        facts.addClassName("facts");
        if (booking.doorCode() != null) {
            facts.add(Parts.fact("door-code", kiosk.t("done.doorCode"), booking.doorCode()));
        }
        String language = kiosk.language().tag();
        facts.add(Parts.fact("done-room", kiosk.t("confirm.room"), booking.room().name(language)),
                Parts.fact("done-place", kiosk.t("confirm.place"), booking.room().place(language)),
                Parts.fact("done-time", kiosk.t("confirm.time"), time, true));
        Image qr = new Image(QrCode.svgDataUrl(booking.code()), kiosk.t("done.qr"));
        qr.setId("booking-qr");
        qr.addClassName("qr");
        Paragraph keep = Parts.say(keepingTheRoom(kiosk::t, site, booking));
        keep.setId("done-keep");
        Paragraph hides = Parts.say(kiosk.t("done.hides", kiosk.services().config().doneSeconds()));
        hides.setId("done-hides");
        add(Parts.heading(kiosk.t("done.heading")), keep, Parts.row(facts, qr), hides);
        if (!devices.isEmpty()) {
            // the wish is not stored: lending is the staff desk's, which scans the device against the booking
            String names = devices.stream().map(device -> kiosk.t(device.key)).collect(java.util.stream.Collectors.joining(", "));
            Paragraph ask = Parts.say(kiosk.t("done.devices", names));
            ask.setId("done-devices");
            add(ask);
        }
        printNotice.setId("print-notice-area");
        add(printNotice, Parts.row(
                Parts.button(kiosk, "print", VaadinIcon.PRINT, kiosk.t("done.print"), () -> print(kiosk, site, booking)),
                Parts.primary(kiosk, "finish", VaadinIcon.CHECK, kiosk.t("done.finish"), kiosk::startOver)));
        // a touch anywhere on the screen keeps the codes there, not only a tap on a button
        getElement().addEventListener("pointerdown", touch -> kiosk.act(() -> { }));
    }

    /**
     * What keeps the room the visitor's, in one sentence: a booking for now is theirs already (the
     * server checked it in); a later one is kept by its door code, its receipt's QR code or its
     * typed code until its check-in closes.
     */
    static String keepingTheRoom(Words words, Site site, Booking booking) {
        boolean door = booking.doorCode() != null;
        if (booking.checkedIn()) {
            return words.t(door ? "done.keep.now.door" : "done.keep.now.noDoor");
        }
        return words.t(door ? "done.keep.later.door" : "done.keep.later.noDoor", Times.clock(site.zone(), booking.checkInUntil()));
    }

    private void print(KioskView kiosk, Site site, Booking booking) {
        // in the visitor's own language and script: what a printer's code pages lack prints as a picture
        PrintResult result = kiosk.services().printer().print(receipt(kiosk, booking, site));
        // Java 17 has no switch patterns yet; the codes stay on screen whatever the printer says
        String words;
        if (result instanceof PrintResult.Printed) {
            words = kiosk.t("print.done");
        } else if (result instanceof PrintResult.OutOfPaper) {
            words = kiosk.t("print.outOfPaper");
        } else {
            words = kiosk.t("print.offline");
        }
        printNotice.removeAll();
        printNotice.add(Parts.notice("print-notice", words));
    }

    /**
     * The receipt in the visitor's language, read later at home: the library's name, the codes,
     * room, place, the date (also for today) and time, and what keeps the room theirs.
     */
    private static Receipt receipt(KioskView kiosk, Booking booking, Site site) {
        String language = kiosk.language().tag();
        List<Receipt.Line> lines = new ArrayList<>();
        lines.add(new Receipt.Line(kiosk.t("done.bookingCode"), booking.code()));
        if (booking.doorCode() != null) {
            lines.add(new Receipt.Line(kiosk.t("done.doorCode"), booking.doorCode()));
        }
        lines.add(new Receipt.Line(kiosk.t("confirm.room"), booking.room().name(language)));
        lines.add(new Receipt.Line(kiosk.t("confirm.place"), booking.room().place(language)));
        lines.add(new Receipt.Line(kiosk.t("receipt.date"), Times.date(kiosk, site.zone(), booking.start())));
        lines.add(new Receipt.Line(kiosk.t("confirm.time"), Times.hours(kiosk, site.zone(), booking.start(), booking.end())));
        return new Receipt(site.name(), lines, booking.code()).withNextStep(keepingTheRoom(kiosk::t, site, booking));
    }

    /** Translations in one language. */
    @FunctionalInterface
    interface Words {
        String t(String key, Object... params);
    }
}
