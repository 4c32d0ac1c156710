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

/** The booking is made: the codes, the room and time, a QR code, Print, and what to do next in one sentence. */
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
        String startsAt = Times.clock(site.zone(), booking.start());
        add(Parts.heading(kiosk.t("done.heading")),
                Parts.say(kiosk.t(booking.doorCode() != null ? "done.next.door" : "done.next.noDoor", startsAt)),
                Parts.row(facts, qr));
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
     * room, place, the date (also for today) and time, and the next step.
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
        String startsAt = Times.clock(site.zone(), booking.start());
        return new Receipt(site.name(), lines, booking.code())
                .withNextStep(kiosk.t(booking.doorCode() != null ? "done.next.door" : "done.next.noDoor", startsAt));
    }
}
