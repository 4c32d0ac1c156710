package fi.suoja.ui.kiosk;

import fi.suoja.hardware.printer.DevicePrinter;
import fi.suoja.hardware.printer.DevicePrinterConfig;
import fi.suoja.hardware.printer.EscPosConfig;
import fi.suoja.hardware.printer.EscPosEncoder;
import fi.suoja.hardware.printer.NetworkPrinter;
import fi.suoja.hardware.printer.NetworkPrinterConfig;
import fi.suoja.hardware.printer.ReceiptPrinter;
import fi.suoja.ui.KioskConfig;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Which receipt printer the kiosk has, by configuration alone ({@code suoja.printer} /
 * {@code SUOJA_PRINTER}):
 * <ul>
 *   <li>{@code simulated} (the default): no paper; each receipt is kept as text and PNG in
 *       {@code suoja.receipts.dir} ({@code data/receipts}) so it can be looked at;</li>
 *   <li>{@code tcp://host[:port]}: an ESC/POS printer on the network (port 9100 if none is given);</li>
 *   <li>an absolute path such as {@code /dev/usb/lp0}: an ESC/POS printer on a device file.</li>
 * </ul>
 * {@code suoja.printer.cyrillic=true} says the printer has a Cyrillic code page, so Russian and
 * Ukrainian receipts print as text; otherwise, and always for Arabic, the words print as a picture
 * in their own script. {@code suoja.printer.dots} is the paper's printable width in dots: 576 on
 * 80 mm paper (the default), 384 on 58 mm.
 */
public record PrinterSettings(String printer, boolean cyrillic, Path receiptsDir, int dots) {

    /** The printable width of 80 mm paper, the usual kiosk printer's. */
    static final int DEFAULT_DOTS = 576;

    public PrinterSettings(String printer, boolean cyrillic, Path receiptsDir) {
        this(printer, cyrillic, receiptsDir, DEFAULT_DOTS);
    }

    public PrinterSettings {
        if (printer == null || printer.isBlank()) {
            printer = "simulated";
        }
        if (!printer.equals("simulated") && !printer.startsWith("tcp://") && !printer.startsWith("/")) {
            throw new IllegalArgumentException("suoja.printer is 'simulated', tcp://host[:port] or a device path such as "
                    + "/dev/usb/lp0, not " + printer);
        }
    }

    public static PrinterSettings fromEnvironment() {
        return from(System.getenv(), System::getProperty);
    }

    static PrinterSettings from(Map<String, String> env, Function<String, String> properties) {
        Function<String, String> read = KioskConfig.settings(env, properties);
        String dir = read.apply("suoja.receipts.dir");
        String dots = read.apply("suoja.printer.dots");
        try {
            return new PrinterSettings(read.apply("suoja.printer"), Boolean.parseBoolean(read.apply("suoja.printer.cyrillic")),
                    Path.of(dir == null ? "data/receipts" : dir), dots == null || dots.isBlank() ? DEFAULT_DOTS : Integer.parseInt(dots.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("suoja.printer.dots is the printer's width in dots (576 or 384), not " + dots, e);
        }
    }

    EscPosConfig escPos() {
        return (cyrillic ? EscPosConfig.withCyrillic() : EscPosConfig.latinOnly()).withWidth(dots);
    }

    /** The printer. (That a font can draw receipts printed as pictures is checked when the kiosk starts: UiMain.) */
    ReceiptPrinter create() {
        if (printer.equals("simulated")) {
            return new ShownReceipts(escPos(), receiptsDir);
        }
        EscPosEncoder encoder = new EscPosEncoder(escPos());
        if (printer.startsWith("tcp://")) {
            URI address = URI.create(printer);
            if (address.getHost() == null) {
                throw new IllegalArgumentException("suoja.printer needs a host: tcp://printer.library.example:9100");
            }
            NetworkPrinterConfig defaults = new NetworkPrinterConfig(address.getHost());
            return new NetworkPrinter(new NetworkPrinterConfig(address.getHost(),
                    address.getPort() < 0 ? NetworkPrinterConfig.RAW_PRINT_PORT : address.getPort(),
                    defaults.connectTimeout(), defaults.writeTimeout(), defaults.statusTimeout()), encoder);
        }
        return new DevicePrinter(new DevicePrinterConfig(Path.of(printer)), encoder);
    }
}
