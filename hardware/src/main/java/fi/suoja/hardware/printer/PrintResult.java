package fi.suoja.hardware.printer;

/** How a print went. The kiosk shows a plain message for each failure and keeps the codes on screen. */
public sealed interface PrintResult {

    record Printed() implements PrintResult {
    }

    record OutOfPaper() implements PrintResult {
    }

    /** The printer did not answer: switched off, unplugged or jammed. */
    record Offline(String reason) implements PrintResult {
    }
}
