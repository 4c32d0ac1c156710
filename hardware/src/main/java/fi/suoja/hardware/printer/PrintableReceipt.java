package fi.suoja.hardware.printer;

/**
 * The receipt a printer will actually print and the code page it prints it in: the receipt itself,
 * or its Latin-script fallback when no code page of the printer has the receipt's script.
 *
 * @param exact whether every character prints as written; false when some print as '?'
 */
public record PrintableReceipt(Receipt receipt, CodePage codePage, boolean exact) {

    /** Chooses, for a printer with these code pages, what to print. */
    public static PrintableReceipt choose(Receipt receipt, EscPosConfig config) {
        for (CodePage page : config.codePages()) {
            if (printsAll(page, receipt)) {
                return new PrintableReceipt(receipt, page, true);
            }
        }
        if (receipt.latinFallback() != null) {
            Receipt fallback = receipt.latinFallback();
            for (CodePage page : config.codePages()) {
                if (printsAll(page, fallback)) {
                    return new PrintableReceipt(fallback, page, true);
                }
            }
            return new PrintableReceipt(fallback, config.codePages().get(0), false);
        }
        return new PrintableReceipt(receipt, config.codePages().get(0), false);
    }

    private static boolean printsAll(CodePage page, Receipt receipt) {
        return receipt.printedTexts().stream().allMatch(page::canPrint);
    }
}
