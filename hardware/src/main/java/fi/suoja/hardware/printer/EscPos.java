package fi.suoja.hardware.printer;

/**
 * The ESC/POS command bytes this adapter sends, named. Values from the ESC/POS command reference
 * (Epson TM series); clones of other makes follow it for these commands.
 */
final class EscPos {

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;
    static final byte LF = 0x0A;

    /** ESC @: clear the buffer and reset every mode. */
    static final byte[] INITIALIZE = {ESC, '@'};
    /** GS V 66 0: feed to the cutter and cut, leaving a hinge (partial cut). */
    static final byte[] FEED_AND_CUT = {GS, 'V', 66, 0};
    /** DLE EOT 4: real-time roll paper sensor status; the printer answers one byte even while busy. */
    static final byte[] ASK_PAPER_STATUS = {DLE, EOT, 4};

    /** In the paper status byte: bits 5 and 6 set when the paper has run out. */
    static final int PAPER_END_BITS = 0x60;
    /** In every real-time status byte bit 4 is 1 and bits 0 and 7 are 0; anything else is not a status. */
    static final int FIXED_BITS_MASK = 0x91;
    static final int FIXED_BITS_VALUE = 0x10;

    enum Align { LEFT, CENTRE, RIGHT }

    private EscPos() {
    }

    /** ESC t n: select the character code page. */
    static byte[] codePage(CodePage page) {
        return new byte[]{ESC, 't', (byte) page.escTNumber()};
    }

    /** ESC a n. */
    static byte[] align(Align align) {
        return new byte[]{ESC, 'a', (byte) align.ordinal()};
    }

    /** ESC E n: emphasised (bold) on or off. */
    static byte[] bold(boolean on) {
        return new byte[]{ESC, 'E', (byte) (on ? 1 : 0)};
    }

    /** GS ! n: character width and height multipliers, 1 to 8 each. */
    static byte[] size(int width, int height) {
        return new byte[]{GS, '!', (byte) (((width - 1) << 4) | (height - 1))};
    }

    /** ESC d n: print and feed n lines. */
    static byte[] feedLines(int lines) {
        return new byte[]{ESC, 'd', (byte) lines};
    }

    /** GS ( k, function 165: QR model 2 (n1 = 50). */
    static byte[] qrModel2() {
        return qrFunction(65, 50, 0);
    }

    /** GS ( k, function 167: module size in dots. */
    static byte[] qrModuleSize(int dots) {
        return qrFunction(67, dots);
    }

    /** GS ( k, function 169: error correction level M (n = 49), about 15 % recoverable. */
    static byte[] qrErrorCorrectionM() {
        return qrFunction(69, 49);
    }

    /** GS ( k, function 180: store the symbol data; pL pH count the bytes after them. */
    static byte[] qrStore(byte[] data) {
        int length = data.length + 3;
        if (length > 7092) {
            throw new IllegalArgumentException("QR data of " + data.length + " bytes is over what a printer stores");
        }
        byte[] command = new byte[8 + data.length];
        command[0] = GS;
        command[1] = '(';
        command[2] = 'k';
        command[3] = (byte) (length & 0xFF);
        command[4] = (byte) (length >> 8);
        command[5] = 49;
        command[6] = 80;
        command[7] = 48;
        System.arraycopy(data, 0, command, 8, data.length);
        return command;
    }

    /** GS ( k, function 181: print the stored symbol. */
    static byte[] qrPrint() {
        return qrFunction(81, 48);
    }

    private static byte[] qrFunction(int fn, int... parameters) {
        int length = 2 + parameters.length;
        byte[] command = new byte[5 + length];
        command[0] = GS;
        command[1] = '(';
        command[2] = 'k';
        command[3] = (byte) length;
        command[4] = 0;
        command[5] = 49;
        command[6] = (byte) fn;
        for (int i = 0; i < parameters.length; i++) {
            command[7 + i] = (byte) parameters[i];
        }
        return command;
    }

    /**
     * GS v 0 m xL xH yL yH d…: print a raster bit image, {@code bytesPerRow} bytes (8 dots each,
     * the leftmost dot in the highest bit, 1 = black) by {@code rows} rows, at normal size (m = 0).
     */
    static byte[] rasterImage(int bytesPerRow, int rows, byte[] bits) {
        if (bits.length != bytesPerRow * rows) {
            throw new IllegalArgumentException(bits.length + " bytes are not " + rows + " rows of " + bytesPerRow);
        }
        byte[] command = new byte[8 + bits.length];
        command[0] = GS;
        command[1] = 'v';
        command[2] = '0';
        command[3] = 0;
        command[4] = (byte) (bytesPerRow & 0xFF);
        command[5] = (byte) (bytesPerRow >> 8);
        command[6] = (byte) (rows & 0xFF);
        command[7] = (byte) (rows >> 8);
        System.arraycopy(bits, 0, command, 8, bits.length);
        return command;
    }

    /** Whether a byte answered to DLE EOT 4 says the paper has run out; empty if it is no status byte. */
    static java.util.Optional<Boolean> paperOut(int statusByte) {
        if ((statusByte & FIXED_BITS_MASK) != FIXED_BITS_VALUE) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((statusByte & PAPER_END_BITS) == PAPER_END_BITS);
    }
}
