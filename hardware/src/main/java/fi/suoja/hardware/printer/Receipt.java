package fi.suoja.hardware.printer;

import java.util.List;
import java.util.Objects;

/**
 * What a receipt says, already in the reader's language: a heading, labelled lines, the text to
 * print as a QR code and one plain line of what to do next. The printer never sees a booking, only
 * the words on paper. Words in a script that the printer's code pages lack are printed as a
 * picture (see the package documentation), so the receipt is never printed in another language.
 */
public record Receipt(String heading, List<Line> lines, String qrText, String nextStep) {

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
        nextStep = nextStep == null ? "" : nextStep;
    }

    /** A receipt without a next step. */
    public Receipt(String heading, List<Line> lines, String qrText) {
        this(heading, lines, qrText, "");
    }

    /** The same receipt with one plain line of what to do next, printed under the QR code. */
    public Receipt withNextStep(String step) {
        return new Receipt(heading, lines, qrText, step);
    }

    /** The receipt as plain text, one line each, as a simulator or a log shows it. */
    public String asText() {
        StringBuilder text = new StringBuilder(heading).append('\n');
        for (Line line : lines) {
            text.append(line.label()).append(": ").append(line.value()).append('\n');
        }
        text.append("[QR ").append(qrText).append("]\n");
        if (!nextStep.isBlank()) {
            text.append(nextStep).append('\n');
        }
        return text.toString();
    }

    /** Every piece of text the receipt prints, for checking that a code page or a font has them all. */
    List<String> printedTexts() {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(heading);
        for (Line line : lines) {
            texts.add(line.label());
            texts.add(line.value());
        }
        texts.add(nextStep);
        return texts;
    }
}
