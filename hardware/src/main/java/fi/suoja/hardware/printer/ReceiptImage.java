package fi.suoja.hardware.printer;

import io.nayuki.qrcodegen.QrCode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Draws a receipt as a thermal printer prints it, in black and white dots: 576 wide on 80 mm
 * paper, 384 on 58 mm. The same drawing is the simulator's PNG and, for a receipt in a script the
 * printer's code pages lack, what the printer gets as raster images ({@code GS v 0}).
 *
 * <p>Text is set with {@link LineBreakMeasurer} and {@link TextLayout}, which apply the Unicode
 * bidirectional algorithm and join Arabic letters as the font shapes them. Each label and each
 * value is a paragraph of its own (the label above its value), so a code or a time inside Arabic
 * text keeps its reading order; on a right-to-left receipt every line is set from the right edge.
 * The font is the first of {@link #PREFERRED_FONTS} installed that has every letter of the receipt,
 * else any installed font that has them; with none, drawing fails with {@link MissingFontException}
 * rather than print empty boxes. Works headless ({@code java.awt.headless=true}).
 */
public final class ReceiptImage {

    /** The printable width of 80 mm paper in dots. */
    public static final int WIDTH = 576;
    /** Fonts with Latin, Cyrillic and Arabic letters, in order of preference; DejaVu Sans is Debian's fonts-dejavu-core. */
    static final List<String> PREFERRED_FONTS = List.of("DejaVu Sans", "Noto Sans", "FreeSans", "Arial Unicode MS");
    /** Letters of every script the kiosk's languages are written in, which the receipt's font must have. */
    static final String KIOSK_SCRIPTS = "Ääö Щщ Ії Õõ احجز غرفة";

    private static final int QR_QUIET_MODULES = 4;
    private static final int BLACK_BELOW = 160;

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

    /** The whole receipt on 80 mm paper. */
    public static BufferedImage render(Receipt receipt) {
        return render(receipt, WIDTH);
    }

    /** The whole receipt as a printer {@code width} dots wide prints it: text, QR code, next step. */
    public static BufferedImage render(Receipt receipt, int width) {
        List<BufferedImage> parts = new ArrayList<>(List.of(top(receipt, width), qr(receipt.qrText(), width)));
        bottom(receipt, width).ifPresent(parts::add);
        int height = parts.stream().mapToInt(BufferedImage::getHeight).sum() + margin(width);
        BufferedImage paper = blank(width, height);
        Graphics2D g = paper.createGraphics();
        try {
            int y = 0;
            for (BufferedImage part : parts) {
                g.drawImage(part, 0, y, null);
                y += part.getHeight();
            }
        } finally {
            g.dispose();
        }
        return paper;
    }

    /** The heading and the labelled lines, as one picture. */
    static BufferedImage top(Receipt receipt, int width) {
        Font body = font(receipt, width);
        boolean rightToLeft = rightToLeft(receipt);
        Block block = new Block(width, rightToLeft);
        block.gap(margin(width));
        block.paragraph(receipt.heading(), body.deriveFont(Font.BOLD, body.getSize2D() * 1.4f), true);
        block.gap(body.getSize() / 2);
        for (Receipt.Line line : receipt.lines()) {
            block.gap(body.getSize() / 3);
            block.paragraph(line.label(), body.deriveFont(Font.BOLD), false);
            block.paragraph(line.value(), body.deriveFont(body.getSize2D() * 1.15f), false);
        }
        block.gap(body.getSize() / 2);
        return block.draw();
    }

    /** The next step, if the receipt has one. */
    static java.util.Optional<BufferedImage> bottom(Receipt receipt, int width) {
        if (receipt.nextStep().isBlank()) {
            return java.util.Optional.empty();
        }
        Block block = new Block(width, rightToLeft(receipt));
        block.gap(margin(width) / 2);
        block.paragraph(receipt.nextStep(), font(receipt, width), false);
        return java.util.Optional.of(block.draw());
    }

    /** The QR code centred, with its quiet zone, as the printer draws it from the same text. */
    static BufferedImage qr(String text, int width) {
        boolean[][] qr = qrMatrix(text);
        int module = Math.max(3, width / 96);
        int size = (qr.length + 2 * QR_QUIET_MODULES) * module;
        BufferedImage image = blank(width, size);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            int left = (width - size) / 2 + QR_QUIET_MODULES * module;
            int top = QR_QUIET_MODULES * module;
            for (int row = 0; row < qr.length; row++) {
                for (int column = 0; column < qr.length; column++) {
                    if (qr[row][column]) {
                        g.fillRect(left + column * module, top + row * module, module, module);
                    }
                }
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

    /**
     * The picture as ESC/POS raster rows: 8 dots a byte, the leftmost in the highest bit, 1 for
     * black. The width is a whole number of bytes (printer widths are).
     */
    static byte[] rasterBits(BufferedImage image, int fromRow, int rows) {
        int bytesPerRow = image.getWidth() / 8;
        byte[] bits = new byte[bytesPerRow * rows];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < bytesPerRow * 8; x++) {
                if ((image.getRGB(x, fromRow + y) & 0xFF) < BLACK_BELOW) {
                    bits[y * bytesPerRow + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return bits;
    }

    /**
     * Checks that this machine has a font for every script of the kiosk's languages, so that a
     * kiosk fails when it starts, with what to install, instead of at the first Arabic receipt.
     */
    public static void requireFont() {
        fontFor(KIOSK_SCRIPTS);
    }

    /** Whether the receipt reads from right to left: its words (the labels) decide, not its data. */
    static boolean rightToLeft(Receipt receipt) {
        String words = receipt.lines().isEmpty() ? receipt.heading() : receipt.lines().get(0).label();
        return !new Bidi(words, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
    }

    private static Font font(Receipt receipt, int width) {
        Font family = fontFor(String.join(" ", receipt.printedTexts()));
        return family.deriveFont(Font.PLAIN, Math.round(24f * width / WIDTH));
    }

    /** The first preferred font that has every letter of {@code text}, else any installed one that has them. */
    static Font fontFor(String text) {
        String letters = CodePage.plain(text);
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        List<String> candidates = new ArrayList<>(PREFERRED_FONTS.stream().filter(installed::contains).toList());
        installed.stream().sorted().forEach(candidates::add);
        for (String family : candidates) {
            Font font = new Font(family, Font.PLAIN, 24);
            if (font.getFamily().equals(family) && font.canDisplayUpTo(letters) == -1) {
                return font;
            }
        }
        throw new MissingFontException(letters);
    }

    private static int margin(int width) {
        return Math.max(8, width / 36);
    }

    private static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, Math.max(1, height), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, image.getHeight());
        g.dispose();
        return image;
    }

    /** Paragraphs laid out top to bottom, measured first, then drawn onto a picture of their height. */
    private static final class Block {

        private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

        private final int width;
        private final boolean rightToLeft;
        private final List<Placed> placed = new ArrayList<>();
        private float y;

        private record Placed(TextLayout layout, float x, float baseline) {
        }

        Block(int width, boolean rightToLeft) {
            this.width = width;
            this.rightToLeft = rightToLeft;
        }

        void gap(float height) {
            y += height;
        }

        /** One paragraph, wrapped to the paper; each line set from the receipt's start edge, or centred. */
        void paragraph(String text, Font font, boolean centred) {
            String plain = CodePage.plain(text).strip();
            if (plain.isEmpty()) {
                return;
            }
            AttributedString attributed = new AttributedString(plain);
            attributed.addAttribute(TextAttribute.FONT, font);
            LineBreakMeasurer lines = new LineBreakMeasurer(attributed.getIterator(), CONTEXT);
            float room = width - 2f * margin(width);
            while (lines.getPosition() < plain.length()) {
                TextLayout line = lines.nextLayout(room);
                float advance = line.getVisibleAdvance();
                float x = centred ? (width - advance) / 2 : rightToLeft ? width - margin(width) - advance : margin(width);
                y += line.getAscent();
                placed.add(new Placed(line, x, y));
                y += line.getDescent() + line.getLeading();
            }
        }

        BufferedImage draw() {
            BufferedImage gray = new BufferedImage(width, Math.max(1, (int) Math.ceil(y)), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = gray.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, gray.getHeight());
                g.setColor(Color.BLACK);
                for (Placed line : placed) {
                    line.layout().draw(g, line.x(), line.baseline());
                }
            } finally {
                g.dispose();
            }
            // thermal paper has no grey: a dot is black or it is not
            BufferedImage dots = blank(width, gray.getHeight());
            for (int row = 0; row < gray.getHeight(); row++) {
                for (int x = 0; x < width; x++) {
                    if ((gray.getRGB(x, row) & 0xFF) < BLACK_BELOW) {
                        dots.setRGB(x, row, 0xFF000000);
                    }
                }
            }
            return dots;
        }
    }
}
