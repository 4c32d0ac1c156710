package fi.suoja.hardware.printer;

import java.util.List;
import java.util.Objects;

/**
 * What a receipt says, already in the reader's language: a heading, labelled lines and the text
 * to print as a QR code. The printer never sees a booking, only the words on paper.
 */
public record Receipt(String heading, List<Line> lines, String qrText) {

    /** One line of the receipt, such as "Booking code: K7M-4PX-ZQ2". */
    public record Line(String label, String value) {
        public Line {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    public Receipt {
        Objects.requireNonNull(heading, "heading");
        lines = List.copyOf(lines);
        Objects.requireNonNull(qrText, "qrText");
    }

    /** The receipt as plain text, one line each, as a simulator or a log shows it. */
    public String asText() {
        StringBuilder text = new StringBuilder(heading).append('\n');
        for (Line line : lines) {
            text.append(line.label()).append(": ").append(line.value()).append('\n');
        }
        return text.append("[QR ").append(qrText).append("]\n").toString();
    }
}
