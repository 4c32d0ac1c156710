package fi.suoja.hardware.printer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptImageTest {

    @Test
    void the_tests_draw_without_a_display() {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void the_qr_code_in_the_simulators_png_decodes_to_the_booking_code() throws Exception {
        SimulatedPrinter printer = new SimulatedPrinter();
        printer.print(GoldenReceipts.ENGLISH);

        byte[] png = printer.lastPng().orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(ReceiptImage.WIDTH);
        assertThat(decode(image)).isEqualTo(GoldenReceipts.BOOKING_CODE);
    }

    @Test
    void arabic_and_russian_receipts_are_drawn_in_their_script_with_a_readable_qr_code_on_a_latin_only_printer() throws Exception {
        Path folder = Path.of("target", "receipts");
        Files.createDirectories(folder);
        for (Map.Entry<String, Receipt> receipt : Map.of("arabic", GoldenReceipts.ARABIC, "russian", GoldenReceipts.RUSSIAN,
                "finnish", GoldenReceipts.FINNISH).entrySet()) {
            SimulatedPrinter printer = new SimulatedPrinter(EscPosConfig.latinOnly());
            printer.print(receipt.getValue());
            byte[] png = printer.lastPng().orElseThrow();
            // kept for a person to look at: the words must be the receipt's own, not English or boxes
            Files.write(folder.resolve(receipt.getKey() + ".png"), png);

            assertThat(printer.lastReceipt()).hasValueSatisfying(text -> assertThat(text)
                    .contains(doorCodeLabel(receipt.getValue()) + ": 482913").doesNotContain("Door code"));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(ReceiptImage.WIDTH);
            assertThat(decode(image)).isEqualTo(GoldenReceipts.BOOKING_CODE);
        }
    }

    @Test
    void the_font_chosen_has_every_letter_of_every_kiosk_script_so_no_letter_becomes_a_box() {
        ReceiptImage.requireFont();
        String all = String.join(" ", GoldenReceipts.ARABIC.printedTexts()) + String.join(" ", GoldenReceipts.RUSSIAN.printedTexts());
        assertThat(ReceiptImage.fontFor(all).canDisplayUpTo(CodePage.plain(all))).isEqualTo(-1);
    }

    @Test
    void an_arabic_receipt_is_set_from_the_right_edge_and_a_latin_one_from_the_left() {
        assertThat(ReceiptImage.rightToLeft(GoldenReceipts.ARABIC)).isTrue();
        assertThat(ReceiptImage.rightToLeft(GoldenReceipts.RUSSIAN)).isFalse();
        BufferedImage arabic = ReceiptImage.top(GoldenReceipts.ARABIC, ReceiptImage.WIDTH);
        BufferedImage english = ReceiptImage.top(GoldenReceipts.ENGLISH, ReceiptImage.WIDTH);
        // below the centred heading, the ink hugs the start edge of the language
        assertThat(inkRight(arabic)).isGreaterThan(ReceiptImage.WIDTH - 40);
        assertThat(inkLeft(arabic)).isGreaterThan(100);
        assertThat(inkLeft(english)).isLessThan(40);
    }

    @Test
    void a_font_for_letters_nobody_has_is_a_clear_error_naming_what_to_install() {
        assertThatThrownBy(() -> ReceiptImage.fontFor("\uE000\uE001"))
                .isInstanceOf(MissingFontException.class).hasMessageContaining("fonts-dejavu-core");
    }

    private static String doorCodeLabel(Receipt receipt) {
        return receipt.lines().get(receipt.lines().size() - 1).label();
    }

    private static int inkLeft(BufferedImage image) {
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = image.getHeight() / 3; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFF) == 0) {
                    return x;
                }
            }
        }
        return image.getWidth();
    }

    private static int inkRight(BufferedImage image) {
        for (int x = image.getWidth() - 1; x >= 0; x--) {
            for (int y = image.getHeight() / 3; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFF) == 0) {
                    return x;
                }
            }
        }
        return -1;
    }

    @Test
    void the_qr_matrix_is_the_one_the_png_shows() throws IOException, NotFoundException {
        boolean[][] matrix = ReceiptImage.qrMatrix(GoldenReceipts.BOOKING_CODE);

        assertThat(matrix.length).isEqualTo(21);  // version 1 holds an 11-character code at level M
        assertThat(matrix[0][0]).isTrue();        // finder pattern corner
    }

    private static String decode(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return result.getText();
    }
}
