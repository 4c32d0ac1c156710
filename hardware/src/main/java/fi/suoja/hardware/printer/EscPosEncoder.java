package fi.suoja.hardware.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a receipt into the bytes an ESC/POS printer prints: reset, code page, a bold double-size
 * centred heading, the labelled lines wrapped to the paper, the QR code drawn by the printer
 * itself (model 2, error correction M), the next step, then feed and cut.
 * The same receipt always gives the same bytes; golden files in the tests hold them.
 */
public final class EscPosEncoder {

    private final EscPosConfig config;

    public EscPosEncoder(EscPosConfig config) {
        this.config = config;
    }

    public EscPosConfig config() {
        return config;
    }

    public byte[] encode(Receipt receipt) {
        PrintableReceipt printable = PrintableReceipt.choose(receipt, config);
        Receipt paper = printable.receipt();
        Out out = new Out(printable.codePage());
        out.bytes(EscPos.INITIALIZE);
        out.bytes(EscPos.codePage(printable.codePage()));

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

        out.bytes(EscPos.align(EscPos.Align.CENTRE));
        out.bytes(EscPos.qrModel2());
        out.bytes(EscPos.qrModuleSize(config.qrModuleDots()));
        out.bytes(EscPos.qrErrorCorrectionM());
        // The QR text is a booking code: ASCII. UTF-8 keeps anything else readable by a phone.
        out.bytes(EscPos.qrStore(receipt.qrText().getBytes(StandardCharsets.UTF_8)));
        out.bytes(EscPos.qrPrint());
        out.newline();
        out.bytes(EscPos.align(EscPos.Align.LEFT));

        if (!paper.nextStep().isBlank()) {
            for (String part : wrap(paper.nextStep(), config.charsPerLine())) {
                out.line(part);
            }
        }
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
