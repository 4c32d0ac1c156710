package fi.suoja.hardware.printer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class EscPosEncoderTest {

    @Test
    void every_receipt_encodes_byte_for_byte_as_its_golden_file() throws IOException {
        for (Map.Entry<String, GoldenReceipts.Case> entry : GoldenReceipts.CASES.entrySet()) {
            GoldenReceipts.Case golden = entry.getValue();
            byte[] actual = new EscPosEncoder(golden.printer()).encode(golden.receipt());
            byte[] expected = golden(entry.getKey());
            int mismatch = java.util.Arrays.mismatch(expected, actual);
            if (mismatch >= 0) {
                fail(entry.getKey() + ".bin differs from the encoder's output at byte " + mismatch
                        + " (golden " + expected.length + " bytes, now " + actual.length + "): golden "
                        + around(expected, mismatch) + " / now " + around(actual, mismatch)
                        + ". If the change is meant, regenerate with EscPosGoldenFiles (see its comment).");
            }
        }
    }

    @Test
    void the_job_resets_the_printer_first_and_cuts_the_paper_last() {
        byte[] job = new EscPosEncoder(EscPosConfig.latinOnly()).encode(GoldenReceipts.ENGLISH);

        assertThat(java.util.Arrays.copyOfRange(job, 0, 5)).containsExactly(0x1B, 0x40, 0x1B, 0x74, 19);
        assertThat(java.util.Arrays.copyOfRange(job, job.length - 4, job.length)).containsExactly(0x1D, 0x56, 0x42, 0x00);
    }

    @Test
    void the_printer_draws_the_qr_code_from_the_booking_code_with_model_2_and_error_correction_m() {
        String job = hex(new EscPosEncoder(EscPosConfig.latinOnly()).encode(GoldenReceipts.ENGLISH));

        assertThat(job).contains("1d286b04003141" + "3200")       // model 2
                .contains("1d286b0300314306")                       // module size 6 dots
                .contains("1d286b0300314531")                       // error correction M
                .contains("1d286b0e00315030" + hex(GoldenReceipts.BOOKING_CODE.getBytes(StandardCharsets.US_ASCII)))
                .contains("1d286b0300315130");                      // print the stored symbol
    }

    @Test
    void finnish_letters_print_through_the_western_code_page() {
        byte[] job = new EscPosEncoder(EscPosConfig.latinOnly()).encode(GoldenReceipts.FINNISH);

        assertThat(hex(job)).contains("1b7413").contains(hex("Pääkirjasto".getBytes(Charset.forName("IBM00858"))))
                .contains(hex("14.00-15.30".getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String(job, Charset.forName("IBM00858"))).doesNotContain("?");
    }

    @Test
    void typography_and_invisible_direction_marks_do_not_turn_a_finnish_receipt_into_a_picture() {
        Receipt receipt = new Receipt("Suoja", List.of(new Receipt.Line("Aika", "\u2066ke 25.11. 14.00\u201315.30\u2069"),
                new Receipt.Line("Paikka", "\u201cLukusali\u201d\u00a02")), "X");

        PrintableReceipt printable = PrintableReceipt.choose(receipt, EscPosConfig.latinOnly());
        byte[] job = new EscPosEncoder(EscPosConfig.latinOnly()).encode(receipt);
        String text = new String(job, Charset.forName("IBM00858"));

        assertThat(printable.asPicture()).isFalse();
        assertThat(text).contains("Aika: ke 25.11. 14.00-15.30\n").contains("Paikka: \"Lukusali\" 2\n");
        assertThat(rasterBlocks(job)).isEmpty();
    }

    @Test
    void latin_receipts_stay_text() {
        for (Receipt latin : List.of(GoldenReceipts.ENGLISH, GoldenReceipts.FINNISH)) {
            byte[] job = new EscPosEncoder(EscPosConfig.latinOnly()).encode(latin);
            assertThat(rasterBlocks(job)).as(latin.heading()).isEmpty();
            assertThat(new String(job, Charset.forName("IBM00858"))).contains(latin.lines().get(0).value());
        }
    }

    @Test
    void cyrillic_prints_in_cp866_on_a_printer_that_has_it() {
        byte[] job = new EscPosEncoder(EscPosConfig.withCyrillic()).encode(GoldenReceipts.RUSSIAN);

        String text = new String(job, Charset.forName("IBM866"));
        assertThat(hex(job)).contains("1b7411");
        assertThat(text).contains("Код брони: K7M-4PX-ZQ2").contains("Код двери: 482913").doesNotContain("Door code");
        assertThat(rasterBlocks(job)).isEmpty();
    }

    @Test
    void cyrillic_on_a_printer_without_a_cyrillic_code_page_prints_in_cyrillic_as_a_picture() {
        EscPosConfig printer = EscPosConfig.latinOnly();
        byte[] job = new EscPosEncoder(printer).encode(GoldenReceipts.RUSSIAN);

        assertPictureOf(GoldenReceipts.RUSSIAN, printer, job);
        assertThat(new String(job, Charset.forName("IBM00858"))).doesNotContain("Booking code").doesNotContain("Door code");
    }

    @Test
    void arabic_prints_in_arabic_as_raster_images_as_wide_as_the_paper_on_any_printer() {
        for (EscPosConfig printer : List.of(EscPosConfig.latinOnly(), EscPosConfig.withCyrillic(),
                EscPosConfig.latinOnly().withWidth(384))) {
            PrintableReceipt printable = PrintableReceipt.choose(GoldenReceipts.ARABIC, printer);
            byte[] job = new EscPosEncoder(printer).encode(GoldenReceipts.ARABIC);

            assertThat(printable.asPicture()).isTrue();
            assertPictureOf(GoldenReceipts.ARABIC, printer, job);
            // no '?' text for the Arabic words: only the QR code and the picture carry them
            assertThat(new String(job, Charset.forName("IBM00858"))).doesNotContain("???");
        }
    }

    /**
     * The job holds raster blocks as wide as the printer, whose rows are the drawing of the
     * receipt's words (top, then the next step) dot for dot, and the printer's own QR code.
     */
    private static void assertPictureOf(Receipt receipt, EscPosConfig printer, byte[] job) {
        List<int[]> blocks = rasterBlocks(job);
        int top = ReceiptImage.top(receipt, printer.dotsPerLine()).getHeight();
        int bottom = ReceiptImage.bottom(receipt, printer.dotsPerLine()).orElseThrow().getHeight();
        assertThat(blocks).isNotEmpty().allSatisfy(block -> {
            assertThat(block[0]).as("bytes per row").isEqualTo(printer.dotsPerLine() / 8);
            assertThat(block[1]).as("rows").isBetween(1, EscPosEncoder.BAND_ROWS);
        });
        assertThat(blocks.stream().mapToInt(b -> b[1]).sum()).as("rows of all raster blocks").isEqualTo(top + bottom);
        byte[] expectedTop = ReceiptImage.rasterBits(ReceiptImage.top(receipt, printer.dotsPerLine()), 0, Math.min(top, EscPosEncoder.BAND_ROWS));
        assertThat(hex(job)).contains(hex(expectedTop));
        assertThat(blackDots(expectedTop)).as("the picture has words on it").isGreaterThan(1000);
        assertThat(hex(job)).contains("1d286b0e00315030" + hex(GoldenReceipts.BOOKING_CODE.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Every GS v 0 block of a job as {bytes per row, rows}, checked to hold exactly that many bytes. */
    static List<int[]> rasterBlocks(byte[] job) {
        List<int[]> blocks = new java.util.ArrayList<>();
        for (int i = 0; i + 8 <= job.length; i++) {
            if (job[i] == 0x1D && job[i + 1] == 'v' && job[i + 2] == '0' && job[i + 3] == 0) {
                int bytesPerRow = (job[i + 4] & 0xFF) | (job[i + 5] & 0xFF) << 8;
                int rows = (job[i + 6] & 0xFF) | (job[i + 7] & 0xFF) << 8;
                assertThat(i + 8 + bytesPerRow * rows).as("a raster block fits in the job").isLessThanOrEqualTo(job.length);
                blocks.add(new int[] {bytesPerRow, rows});
                i += 7 + bytesPerRow * rows;
            }
        }
        return blocks;
    }

    private static int blackDots(byte[] bits) {
        int dots = 0;
        for (byte b : bits) {
            dots += Integer.bitCount(b & 0xFF);
        }
        return dots;
    }

    @Test
    void long_lines_wrap_at_word_boundaries_and_a_long_code_is_cut_not_lost() {
        assertThat(EscPosEncoder.wrap("Go to the room at 14:00 and type the code", 16))
                .containsExactly("Go to the room", "at 14:00 and", "type the code");
        assertThat(EscPosEncoder.wrap("ABCDEFGHIJKLMNOPQRSTU", 8)).containsExactly("ABCDEFGH", "IJKLMNOP", "QRSTU");
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = EscPosEncoderTest.class.getResourceAsStream("/escpos/" + name + ".bin")) {
            if (in == null) {
                throw new AssertionError("no golden file escpos/" + name + ".bin; generate it with EscPosGoldenFiles");
            }
            return in.readAllBytes();
        }
    }

    private static String around(byte[] bytes, int offset) {
        int from = Math.max(0, offset - 4);
        int to = Math.min(bytes.length, offset + 8);
        return from >= to ? "(end)" : hex(java.util.Arrays.copyOfRange(bytes, from, to));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
