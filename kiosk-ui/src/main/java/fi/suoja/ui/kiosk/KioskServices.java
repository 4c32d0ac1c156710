package fi.suoja.ui.kiosk;

import fi.suoja.hardware.card.CardReader;
import fi.suoja.hardware.card.KeyboardWedge;
import fi.suoja.hardware.card.SerialCardReader;
import fi.suoja.hardware.printer.ReceiptPrinter;
import fi.suoja.ui.KioskConfig;
import fi.suoja.ui.server.SuojaClient;
import com.vaadin.flow.server.VaadinService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What every kiosk screen needs, made once per application from {@link KioskConfig} and kept in
 * the Vaadin context (no static state). Tests put their own in the context before the first view.
 */
public record KioskServices(KioskConfig config, SuojaClient client, ReceiptPrinter printer, Clock clock,
                            CardReader cardReader) {

    /** Without a serial card reader: a keyboard-style reader types into the card screen itself. */
    public KioskServices(KioskConfig config, SuojaClient client, ReceiptPrinter printer, Clock clock) {
        this(config, client, printer, clock, new KeyboardWedge(CardScreen.FORMAT));
    }

    public static KioskServices fromConfig(KioskConfig config) {
        return new KioskServices(config, new SuojaClient(config.serverUrl(), config.kioskToken()),
                PrinterSettings.fromEnvironment().create(), Clock.systemUTC(), cardReaderFromEnvironment());
    }

    /** {@code SUOJA_CARD_READER=/dev/ttyUSB0} for a serial card reader (set it up with stty first). */
    static CardReader cardReaderFromEnvironment() {
        String device = System.getProperty("suoja.card.reader", System.getenv("SUOJA_CARD_READER"));
        if (device == null || device.isBlank()) {
            return new KeyboardWedge(CardScreen.FORMAT);
        }
        try {
            SerialCardReader serial = SerialCardReader.open(Path.of(device.strip()), CardScreen.FORMAT);
            serial.start();
            return serial;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the card reader " + device + " (SUOJA_CARD_READER)", e);
        }
    }

    public static KioskServices current() {
        return VaadinService.getCurrent().getContext()
                .getAttribute(KioskServices.class, () -> fromConfig(KioskConfig.fromEnvironment()));
    }

    public static void install(KioskServices services) {
        VaadinService.getCurrent().getContext().setAttribute(KioskServices.class, services);
    }
}
