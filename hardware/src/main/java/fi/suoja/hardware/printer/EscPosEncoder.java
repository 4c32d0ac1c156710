package fi.suoja.hardware.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a receipt into the bytes an ESC/POS printer prints: reset, code page, a bold double-size
 * centred heading, the labelled lines wrapped to the paper, the QR code drawn by the printer
 * itself (model 2, error correction M), the next step, then feed and cut. A receipt in a script
 * that none of the printer's code pages has prints its words as raster images ({@code GS v 0})
 * in that script instead, with the same QR code.
 * The same receipt always gives the same bytes; golden files in the tests hold them.
 */
public final class EscPosEncoder {

    /** Rows of one raster band: a multiple of 24 (the print head's height) well inside every printer's limit. */
    static final int BAND_ROWS = 240;

    private final EscPosConfig config;

    public EscPosEncoder(EscPosConfig config) {
        this.config = config;
    }

    public EscPosConfig config() {
        return config;
    }

    public byte[] encode(Receipt receipt) {
        PrintableReceipt printable = PrintableReceipt.choose(receipt, config);
        return printable.codePage().map(page -> asText(receipt, page)).orElseGet(() -> asPicture(receipt));
    }

    /** Reset, code page, a bold double-size centred heading, the lines, QR code, next step, cut. */
    private byte[] asText(Receipt paper, CodePage page) {
        Out out = new Out(page);
        out.bytes(EscPos.INITIALIZE);
        out.bytes(EscPos.codePage(page));

        out.bytes(EscPos.align(EscPos.Align.CENTRE));
        out.bytes(EscPos.bold(true));
        out.bytes(EscPos.size(2, 2));
        for (String line : wrap(paper.heading(), config.charsPerLine() / 2)) {
            out.line(line);
        }
        out.bytes(EscPos.size(1, 1));
        out.bytes(EscPos.bold(false));
        out.bytes(EscPos.align(EscPos.Align.LEFT));
        out.newline();

        for (Receipt.Line line : paper.lines()) {
            for (String part : wrap(line.label() + ": " + line.value(), config.charsPerLine())) {
                out.line(part);
            }
        }
        out.newline();
        qrCode(out, paper);
        if (!paper.nextStep().isBlank()) {
            for (String part : wrap(paper.nextStep(), config.charsPerLine())) {
                out.line(part);
            }
        }
        return end(out);
    }

    /**
     * A receipt in a script none of the printer's code pages has: its words drawn in that script
     * ({@link ReceiptImage}) and sent as raster images, the QR code still drawn by the printer.
     */
    private byte[] asPicture(Receipt paper) {
        Out out = new Out(config.codePages().get(0));
        out.bytes(EscPos.INITIALIZE);
        out.bytes(EscPos.align(EscPos.Align.CENTRE));
        picture(out, ReceiptImage.top(paper, config.dotsPerLine()));
        qrCode(out, paper);
        ReceiptImage.bottom(paper, config.dotsPerLine()).ifPresent(step -> picture(out, step));
        out.bytes(EscPos.align(EscPos.Align.LEFT));
        return end(out);
    }

    /** A picture in bands of at most {@link #BAND_ROWS} rows, which every printer's buffer takes. */
    private static void picture(Out out, java.awt.image.BufferedImage image) {
        int bytesPerRow = image.getWidth() / 8;
        for (int row = 0; row < image.getHeight(); row += BAND_ROWS) {
            int rows = Math.min(BAND_ROWS, image.getHeight() - row);
            out.bytes(EscPos.rasterImage(bytesPerRow, rows, ReceiptImage.rasterBits(image, row, rows)));
        }
    }

    /** The QR code drawn by the printer itself (model 2, error correction M), centred. */
    private void qrCode(Out out, Receipt paper) {
        out.bytes(EscPos.align(EscPos.Align.CENTRE));
        out.bytes(EscPos.qrModel2());
        out.bytes(EscPos.qrModuleSize(config.qrModuleDots()));
        out.bytes(EscPos.qrErrorCorrectionM());
        // The QR text is a booking code: ASCII. UTF-8 keeps anything else readable by a phone.
        out.bytes(EscPos.qrStore(paper.qrText().getBytes(StandardCharsets.UTF_8)));
        out.bytes(EscPos.qrPrint());
        out.newline();
        out.bytes(EscPos.align(EscPos.Align.LEFT));
    }

    private static byte[] end(Out out) {
        out.bytes(EscPos.feedLines(3));
        out.bytes(EscPos.FEED_AND_CUT);
        return out.toByteArray();
    }

    /** Word wrap to a width; a word longer than the width is cut, so a code is never lost. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > width) {
                if (current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CodePage page;

        Out(CodePage page) {
            this.page = page;
        }

        void bytes(byte[] command) {
            bytes.writeBytes(command);
        }

        /** Text in the code page; a character it lacks becomes '?', the charset's replacement. */
        void line(String text) {
            bytes.writeBytes(page.encode(text));
            newline();
        }

        void newline() {
            bytes.write(EscPos.LF);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
