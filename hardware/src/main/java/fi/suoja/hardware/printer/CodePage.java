package fi.suoja.hardware.printer;

import java.nio.charset.Charset;

/**
 * Character code pages of ESC/POS printers, with the number {@code ESC t n} selects on Epson's
 * TM series and most clones. A printer has some of them; its configuration lists which.
 * No code page here has Arabic: ESC/POS printers that do print Arabic do it through vendor
 * extensions or raster images, which this adapter does not use.
 */
public enum CodePage {
    PC437(0, "IBM437"),
    PC850(2, "IBM850"),
    WPC1252(16, "windows-1252"),
    PC866(17, "IBM866"),
    PC858(19, "IBM00858"),
    WPC1251(46, "windows-1251");

    private final int escTNumber;
    private final String charsetName;

    CodePage(int escTNumber, String charsetName) {
        this.escTNumber = escTNumber;
        this.charsetName = charsetName;
    }

    /** The {@code n} of {@code ESC t n}. */
    public int escTNumber() {
        return escTNumber;
    }

    public Charset charset() {
        return Charset.forName(charsetName);
    }

    /** Whether every character of the text, after {@link #plain}, has a place in this code page. */
    public boolean canPrint(String text) {
        return charset().newEncoder().canEncode(plain(text));
    }

    /** The text as this code page's bytes; a character it lacks becomes '?'. */
    public byte[] encode(String text) {
        return plain(text).getBytes(charset());
    }

    /**
     * Typography that few code pages have, in the plain form every one has: dashes, curly quotes,
     * non-breaking and thin spaces, the ellipsis. Invisible direction marks and isolates (which
     * a screen uses to keep "14:00–15:30" in order inside Arabic) and zero-width characters are
     * left out: paper is left to right. A receipt in Finnish should not fall back to English
     * because of an en dash in "14.00–15.30".
     */
    static String plain(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> plain.append('-');
                case '\u2018', '\u2019', '\u201A' -> plain.append('\'');
                case '\u201C', '\u201D', '\u201E' -> plain.append('"');
                case '\u00A0', '\u2007', '\u2009', '\u202F' -> plain.append(' ');
                case '\u2026' -> plain.append("...");
                case '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D',
                        '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF' -> {
                    // invisible: nothing to print
                }
                default -> plain.append(c);
            }
        }
        return plain.toString();
    }
}
