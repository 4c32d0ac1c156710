/**
 * The kiosk's receipt printer: the port {@link fi.suoja.hardware.printer.ReceiptPrinter}, ESC/POS
 * adapters and a simulator.
 *
 * <ul>
 *   <li>{@link fi.suoja.hardware.printer.EscPosEncoder} writes a {@link fi.suoja.hardware.printer.Receipt}
 *       as ESC/POS bytes (reset, code page, bold double-size heading, lines, a QR code the printer
 *       draws itself with {@code GS ( k}, the next step, feed and cut);</li>
 *   <li>{@link fi.suoja.hardware.printer.NetworkPrinter} sends them to port 9100 and asks for the
 *       paper status first ({@code DLE EOT 4});
 *       {@link fi.suoja.hardware.printer.DevicePrinter} writes them to {@code /dev/usb/lp0};</li>
 *   <li>{@link fi.suoja.hardware.printer.SimulatedPrinter} keeps the receipt as text and draws it as
 *       a PNG ({@link fi.suoja.hardware.printer.ReceiptImage}) with the QR code from the same text.</li>
 * </ul>
 *
 * <h2>Scripts a printer lacks</h2>
 * ESC/POS printers print text through one 8-bit code page at a time, selected with {@code ESC t n};
 * the configuration ({@link fi.suoja.hardware.printer.EscPosConfig}) lists the ones the printer has.
 * The encoder uses the first code page that holds every character of the receipt, after turning
 * dashes, curly quotes and special spaces into plain ones. So:
 * <ul>
 *   <li><b>Finnish, Swedish, English</b> print as written (PC858 or PC437).</li>
 *   <li><b>Cyrillic</b> prints as written when the printer has PC866 or WPC1251 and the
 *       configuration says so; otherwise the receipt's Latin-script fallback prints: the same
 *       receipt in English, which the kiosk attaches with
 *       {@link fi.suoja.hardware.printer.Receipt#withLatinFallback}.</li>
 *   <li><b>Arabic</b> is in no code page of this adapter (printers that print it do so through vendor
 *       extensions or raster images), so the English fallback always prints. The screen keeps
 *       the Arabic text.</li>
 *   <li>A receipt without a fallback in a script the printer lacks prints with '?' for each missing
 *       character. Booking and door codes are Latin letters and digits and print in every case,
 *       as does the QR code, which the printer draws from the code's bytes.</li>
 * </ul>
 * The simulator draws the receipt as written (any script, right-to-left lines set from the
 * right), or, made with an {@link fi.suoja.hardware.printer.EscPosConfig}, what that printer
 * would print.
 */
package fi.suoja.hardware.printer;
