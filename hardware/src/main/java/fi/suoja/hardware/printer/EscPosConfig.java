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
 * @param dotsPerLine    the printable width in dots, a multiple of 8: 576 on 80 mm paper, 384 on
 *                       58 mm; text in a script the code pages lack is drawn this wide
 */
public record EscPosConfig(List<CodePage> codePages, int charsPerLine, int qrModuleDots, int dotsPerLine) {

    /** Dots of one character of the printer's normal font (font A is 12 × 24 dots). */
    static final int DOTS_PER_CHAR = 12;

    /** A printer whose width in dots is its characters per line in the normal font. */
    public EscPosConfig(List<CodePage> codePages, int charsPerLine, int qrModuleDots) {
        this(codePages, charsPerLine, qrModuleDots, charsPerLine * DOTS_PER_CHAR);
    }

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
        if (dotsPerLine < 192 || dotsPerLine > 1152 || dotsPerLine % 8 != 0) {
            throw new IllegalArgumentException("a printer is 192 to 1152 dots wide, a multiple of 8 (576 on 80 mm paper, "
                    + "384 on 58 mm), not " + dotsPerLine);
        }
    }

    /** The same printer, {@code dots} wide, with as many characters per line as fit. */
    public EscPosConfig withWidth(int dots) {
        return new EscPosConfig(codePages, Math.max(16, Math.min(96, dots / DOTS_PER_CHAR)), qrModuleDots, dots);
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
