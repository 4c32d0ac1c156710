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
 * network ESC/POS printer in English (no receipt printer has Arabic), with the same codes.
 */
class KioskPrinterTest extends KaribuKiosk {

    @TempDir
    Path temp;

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
    void an_arabic_receipt_goes_to_a_network_printer_in_english_with_the_same_codes() throws Exception {
        try (ServerSocket fakePrinter = new ServerSocket(0)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> receive(fakePrinter));
            usePrinter(new PrinterSettings("tcp://127.0.0.1:" + fakePrinter.getLocalPort(), false, temp).create());
            tap("lang-ar");
            String code = bookNow(scene.equippedRoom);

            tap("print");

            String paper = new String(received.get(20, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1);
            assertThat(paper).contains(code).contains("Booking code").contains("Room 1")
                    .doesNotContain(t("done.bookingCode"));
            assertThat(paper).contains(scene.booking(code).path("doorCode").asText());
            assertThat(text("print-notice")).isEqualTo(t("print.done"));
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
