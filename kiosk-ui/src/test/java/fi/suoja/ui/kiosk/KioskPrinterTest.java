package fi.suoja.ui.kiosk;

import fi.suoja.hardware.printer.DevicePrinter;
import fi.suoja.hardware.printer.NetworkPrinter;
import fi.suoja.ui.KioskConfig;
import fi.suoja.ui.server.SuojaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kiosk's printer is chosen by configuration alone; an Arabic visitor's receipt reaches a
 * network ESC/POS printer in Arabic, drawn as raster images (no receipt printer's code page has
 * Arabic), with the QR code of the same booking; a Finnish one as text.
 */
class KioskPrinterTest extends KaribuKiosk {

    @TempDir
    Path temp;

    @Test
    void the_printers_width_is_configured_in_dots_and_a_wrong_one_is_refused_with_what_to_write() {
        assertThat(PrinterSettings.from(Map.of(), name -> null).escPos().dotsPerLine()).isEqualTo(576);
        assertThat(PrinterSettings.from(Map.of("SUOJA_PRINTER_DOTS", "384"), name -> null).escPos().charsPerLine()).isEqualTo(32);
        assertThatThrownBy(() -> PrinterSettings.from(Map.of("SUOJA_PRINTER_DOTS", "80mm"), name -> null))
                .hasMessageContaining("576 or 384");
        assertThatThrownBy(() -> PrinterSettings.from(Map.of("SUOJA_PRINTER_DOTS", "500"), name -> null).escPos())
                .hasMessageContaining("multiple of 8").hasMessageContaining("576");
    }

    @Test
    void the_printer_is_chosen_by_configuration_alone() {
        assertThat(PrinterSettings.from(Map.of(), name -> null).create()).isInstanceOf(ShownReceipts.class);
        assertThat(PrinterSettings.from(Map.of("SUOJA_PRINTER", "tcp://printer.library.example"), name -> null).create())
                .isInstanceOf(NetworkPrinter.class);
        assertThat(PrinterSettings.from(Map.of(), name -> name.equals("suoja.printer") ? "/dev/usb/lp0" : null).create())
                .isInstanceOf(DevicePrinter.class);
        assertThat(PrinterSettings.from(Map.of("SUOJA_PRINTER_CYRILLIC", "true"), name -> null).cyrillic()).isTrue();
        assertThatThrownBy(() -> PrinterSettings.from(Map.of("SUOJA_PRINTER", "lpt1"), name -> null))
                .hasMessageContaining("tcp://host[:port]");
        assertThatThrownBy(() -> PrinterSettings.from(Map.of("SUOJA_PRINTER", "tcp://:9100"), name -> null).create())
                .hasMessageContaining("needs a host");
    }

    @Test
    void an_arabic_receipt_goes_to_a_network_printer_in_arabic_as_a_picture_with_the_qr_code_of_the_booking() throws Exception {
        try (ServerSocket fakePrinter = new ServerSocket(0)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> receive(fakePrinter));
            usePrinter(new PrinterSettings("tcp://127.0.0.1:" + fakePrinter.getLocalPort(), false, temp).create());
            tap("lang-ar");
            String code = bookNow(scene.equippedRoom);

            tap("print");

            byte[] job = received.get(20, TimeUnit.SECONDS);
            String paper = new String(job, StandardCharsets.ISO_8859_1);
            // GS v 0, normal size, 72 bytes (576 dots) a row: the words drawn in Arabic, not printed in English
            assertThat(paper).contains("\u001dv0\u0000\u0048\u0000").doesNotContain("Booking code").doesNotContain("Door code");
            // the printer still draws the QR code itself, from the booking code
            assertThat(paper).contains("\u001d(k\u000e\u00001P0" + code);
            assertThat(text("print-notice")).isEqualTo(t("print.done"));
        }
    }

    @Test
    void a_finnish_receipt_goes_to_a_network_printer_as_text_with_the_library_and_the_date() throws Exception {
        try (ServerSocket fakePrinter = new ServerSocket(0)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> receive(fakePrinter));
            usePrinter(new PrinterSettings("tcp://127.0.0.1:" + fakePrinter.getLocalPort(), false, temp).create());
            String code = bookNow(scene.equippedRoom);

            tap("print");

            String paper = new String(received.get(20, TimeUnit.SECONDS), java.nio.charset.Charset.forName("IBM00858"));
            assertThat(paper).doesNotContain("\u001dv0").contains(scene.siteName()).contains(code)
                    .contains(t("receipt.date") + ": ").contains(java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy")
                            .format(java.time.LocalDate.now(scene.zone)))
                    .contains(scene.booking(code).path("doorCode").asText());
        }
    }

    @Test
    void the_simulated_printer_leaves_the_newest_receipt_as_text_and_picture() throws IOException {
        usePrinter(new PrinterSettings("simulated", false, temp.resolve("receipts")).create());
        String code = bookNow(scene.equippedRoom);

        tap("print");

        String text = Files.readString(temp.resolve("receipts/last-receipt.txt"));
        assertThat(text).contains(code).contains(t("done.bookingCode"));
        byte[] png = Files.readAllBytes(temp.resolve("receipts/last-receipt.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(text("print-notice")).isEqualTo(t("print.done"));
    }

    private void usePrinter(fi.suoja.hardware.printer.ReceiptPrinter chosen) {
        KioskServices.install(new KioskServices(
                new KioskConfig(scene.server, scene.kioskToken, IDLE_SECONDS, STILL_HERE_SECONDS, 0),
                new SuojaClient(scene.server, scene.kioskToken), chosen, clock));
    }

    /** One print job: everything the kiosk sends until it closes the connection. */
    private static byte[] receive(ServerSocket printer) {
        try (Socket job = printer.accept(); InputStream in = job.getInputStream()) {
            job.setSoTimeout(15_000);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
            return all.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
