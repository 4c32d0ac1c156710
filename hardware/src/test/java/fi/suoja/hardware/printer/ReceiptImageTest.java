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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
    void an_arabic_receipt_is_drawn_in_arabic_with_a_readable_qr_code() throws Exception {
        SimulatedPrinter printer = new SimulatedPrinter();
        printer.print(GoldenReceipts.ARABIC);

        assertThat(printer.lastReceipt()).hasValueSatisfying(text -> assertThat(text).contains("رمز الباب: 482913"));
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(printer.lastPng().orElseThrow()))))
                .isEqualTo(GoldenReceipts.BOOKING_CODE);
    }

    @Test
    void a_simulator_that_mimics_a_latin_only_printer_shows_the_english_fallback() {
        SimulatedPrinter printer = new SimulatedPrinter(EscPosConfig.latinOnly());
        printer.print(GoldenReceipts.ARABIC);

        assertThat(printer.lastReceipt()).hasValueSatisfying(text -> assertThat(text)
                .contains("Door code: 482913").contains("Go to the room").doesNotContain("رمز"));
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
