package fi.suoja.hardware.printer;

import java.util.List;

/**
 * What the ESC/POS encoder needs to know about a printer.
 *
 * @param codePages      the code pages the printer has, in order of preference (the first that
 *                       prints a whole receipt is used); for a Cyrillic-capable printer add
 *                       {@link CodePage#PC866} or {@link CodePage#WPC1251}
 * @param charsPerLine   characters per line in the normal font: 48 on 80 mm paper, 32 on 58 mm
 * @param qrModuleDots   dots per QR module, 1 to 16; 6 gives about 2.5 cm for a short code
 */
public record EscPosConfig(List<CodePage> codePages, int charsPerLine, int qrModuleDots) {

    public EscPosConfig {
        if (codePages == null || codePages.isEmpty()) {
            throw new IllegalArgumentException("a printer has at least one code page; PC437 is on every ESC/POS printer");
        }
        codePages = List.copyOf(codePages);
        if (charsPerLine < 16 || charsPerLine > 96) {
            throw new IllegalArgumentException("characters per line must be 16 to 96 (48 on 80 mm paper, 32 on 58 mm), not " + charsPerLine);
        }
        if (qrModuleDots < 1 || qrModuleDots > 16) {
            throw new IllegalArgumentException("a QR module is 1 to 16 dots, not " + qrModuleDots);
        }
    }

    /** An 80 mm printer with Western European code pages only, as most kiosk printers ship. */
    public static EscPosConfig latinOnly() {
        return new EscPosConfig(List.of(CodePage.PC858, CodePage.PC437), 48, 6);
    }

    /** An 80 mm printer that also has the Cyrillic code page PC866. */
    public static EscPosConfig withCyrillic() {
        return new EscPosConfig(List.of(CodePage.PC858, CodePage.PC866), 48, 6);
    }
}
