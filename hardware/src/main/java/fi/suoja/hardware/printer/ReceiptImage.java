package fi.suoja.hardware.printer;

import io.nayuki.qrcodegen.QrCode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a receipt as an 80 mm thermal printer would print it (576 dots wide), QR code included,
 * drawn from the QR matrix of the same text with error correction M. Works headless
 * ({@code java.awt.headless=true}); right-to-left lines are set from the right edge.
 */
public final class ReceiptImage {

    static final int WIDTH = 576;
    private static final int MARGIN = 16;
    private static final int QR_MODULE_PIXELS = 6;
    private static final int QR_QUIET_MODULES = 4;
    private static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 30);
    private static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 20);

    private ReceiptImage() {
    }

    /** The QR matrix a receipt's code is drawn from. */
    public static boolean[][] qrMatrix(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        boolean[][] modules = new boolean[qr.size][qr.size];
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                modules[y][x] = qr.getModule(x, y);
            }
        }
        return modules;
    }

    public static BufferedImage render(Receipt receipt) {
        boolean[][] qr = qrMatrix(receipt.qrText());
        int qrPixels = (qr.length + 2 * QR_QUIET_MODULES) * QR_MODULE_PIXELS;

        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D measure = scratch.createGraphics();
        List<String> headingLines = wrap(receipt.heading(), measure.getFontMetrics(HEADING));
        FontMetrics body = measure.getFontMetrics(BODY);
        List<String> bodyLines = new ArrayList<>();
        for (Receipt.Line line : receipt.lines()) {
            bodyLines.addAll(wrap(line.label() + ": " + line.value(), body));
        }
        List<String> stepLines = receipt.nextStep().isBlank() ? List.of() : wrap(receipt.nextStep(), body);
        int headingHeight = measure.getFontMetrics(HEADING).getHeight();
        measure.dispose();

        int height = MARGIN + headingLines.size() * headingHeight + body.getHeight()
                + bodyLines.size() * body.getHeight() + qrPixels + stepLines.size() * body.getHeight() + 3 * MARGIN;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);

            int y = MARGIN;
            g.setFont(HEADING);
            for (String line : headingLines) {
                int x = (WIDTH - g.getFontMetrics().stringWidth(line)) / 2;
                g.drawString(line, x, y + g.getFontMetrics().getAscent());
                y += headingHeight;
            }
            y += body.getHeight();
            g.setFont(BODY);
            for (String line : bodyLines) {
                drawLine(g, line, y);
                y += body.getHeight();
            }
            int qrLeft = (WIDTH - qrPixels) / 2 + QR_QUIET_MODULES * QR_MODULE_PIXELS;
            int qrTop = y + QR_QUIET_MODULES * QR_MODULE_PIXELS;
            for (int row = 0; row < qr.length; row++) {
                for (int column = 0; column < qr.length; column++) {
                    if (qr[row][column]) {
                        g.fillRect(qrLeft + column * QR_MODULE_PIXELS, qrTop + row * QR_MODULE_PIXELS,
                                QR_MODULE_PIXELS, QR_MODULE_PIXELS);
                    }
                }
            }
            y += qrPixels;
            for (String line : stepLines) {
                drawLine(g, line, y);
                y += body.getHeight();
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void drawLine(Graphics2D g, String line, int top) {
        FontMetrics metrics = g.getFontMetrics();
        boolean rightToLeft = !new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
        int x = rightToLeft ? WIDTH - MARGIN - metrics.stringWidth(line) : MARGIN;
        g.drawString(line, x, top + metrics.getAscent());
    }

    private static List<String> wrap(String text, FontMetrics metrics) {
        int width = WIDTH - 2 * MARGIN;
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (metrics.stringWidth(candidate) > width && current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(word);
            } else {
                current.setLength(0);
                current.append(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }
}
