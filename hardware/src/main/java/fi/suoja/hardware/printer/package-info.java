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
 * dashes, curly quotes and special spaces into plain ones. A receipt that no code page holds is
 * drawn instead ({@link fi.suoja.hardware.printer.ReceiptImage}, right to left where the language
 * is) and sent as raster images with {@code GS v 0}, which every ESC/POS receipt printer prints.
 * So a visitor always gets the receipt in their own language:
 * <ul>
 *   <li><b>Finnish, Swedish, English, Estonian, Somali</b> print as text (PC858 or PC437).</li>
 *   <li><b>Russian and Ukrainian</b> print as text when the printer has PC866 or WPC1251 and the
 *       configuration says so; otherwise as a picture.</li>
 *   <li><b>Arabic</b> is in no code page of this adapter, so it always prints as a picture.</li>
 * </ul>
 * The picture needs a font with Latin, Cyrillic and Arabic letters on the kiosk's machine (DejaVu
 * Sans: Debian's {@code fonts-dejavu-core}); without one the kiosk refuses to start with a
 * {@link fi.suoja.hardware.printer.MissingFontException} that says what to install. The QR code is
 * drawn by the printer in both cases, from the booking code's bytes. The simulator draws every
 * receipt as the paper looks, in its own script, as wide as the printer it stands for.
 */
package fi.suoja.hardware.printer;
