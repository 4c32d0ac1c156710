package fi.suoja.hardware.printer;

/** The kiosk's receipt printer. Implementations never throw for a printer problem: they answer with a result. */
public interface ReceiptPrinter {

    PrintResult print(Receipt receipt);
}
