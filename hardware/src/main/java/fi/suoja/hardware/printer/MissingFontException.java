package fi.suoja.hardware.printer;

/**
 * No installed font has every letter of a receipt, so it cannot be drawn without empty boxes.
 * The message says what to install.
 */
public final class MissingFontException extends IllegalStateException {

    MissingFontException(String letters) {
        super("No font on this machine has every letter of \"" + letters + "\", so receipts in Arabic or Cyrillic "
                + "cannot be printed. Install DejaVu Sans (Debian and Ubuntu: apt-get install fonts-dejavu-core) "
                + "or Noto Sans with its Arabic part, then start again.");
    }
}
