package fi.suoja.hardware.printer;

import java.util.Optional;

/**
 * How a printer prints a receipt: as text in the first of its code pages that holds every
 * character, or, when none does (Arabic always, Cyrillic on printers without a Cyrillic code
 * page), as a picture of the text ({@code GS v 0}).
 *
 * @param codePage the code page the text prints in; empty when it prints as a picture
 */
public record PrintableReceipt(Receipt receipt, Optional<CodePage> codePage) {

    /** Chooses, for a printer with these code pages, how to print the receipt. */
    public static PrintableReceipt choose(Receipt receipt, EscPosConfig config) {
        for (CodePage page : config.codePages()) {
            if (receipt.printedTexts().stream().allMatch(page::canPrint)) {
                return new PrintableReceipt(receipt, Optional.of(page));
            }
        }
        return new PrintableReceipt(receipt, Optional.empty());
    }

    public boolean asPicture() {
        return codePage.isEmpty();
    }
}
