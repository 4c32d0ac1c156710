package fi.suoja.ui.kiosk;

import fi.suoja.hardware.printer.ReceiptPrinter;
import fi.suoja.ui.KioskConfig;
import fi.suoja.ui.server.SuojaClient;
import com.vaadin.flow.server.VaadinService;

import java.time.Clock;

/**
 * What every kiosk screen needs, made once per application from {@link KioskConfig} and kept in
 * the Vaadin context (no static state). Tests put their own in the context before the first view.
 */
public record KioskServices(KioskConfig config, SuojaClient client, ReceiptPrinter printer, Clock clock) {

    public static KioskServices fromConfig(KioskConfig config) {
        return new KioskServices(config, new SuojaClient(config.serverUrl(), config.kioskToken()),
                PrinterSettings.fromEnvironment().create(), Clock.systemUTC());
    }

    public static KioskServices current() {
        return VaadinService.getCurrent().getContext()
                .getAttribute(KioskServices.class, () -> fromConfig(KioskConfig.fromEnvironment()));
    }

    public static void install(KioskServices services) {
        VaadinService.getCurrent().getContext().setAttribute(KioskServices.class, services);
    }
}
