package fi.suoja.hardware.printer;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A printer without paper or wires: keeps the last receipt as text and as a PNG picture of the
 * paper. Its state can be set, as a real printer runs out of paper or goes offline, so the kiosk's
 * answers to both can be tried. The picture is what an 80 mm printer prints (or, given an
 * {@link EscPosConfig}, one of that width), in the receipt's own script whatever its code pages:
 * words they lack are printed as a picture of the same drawing.
 */
public final class SimulatedPrinter implements ReceiptPrinter {

    /** What the simulated printer is doing. */
    public enum State { READY, OUT_OF_PAPER, OFFLINE }

    private final EscPosConfig mimics;
    private final AtomicReference<State> state = new AtomicReference<>(State.READY);
    private final AtomicReference<Receipt> lastReceipt = new AtomicReference<>();

    public SimulatedPrinter() {
        this(null);
    }

    /** A simulator that prints what a printer with this configuration would print. */
    public SimulatedPrinter(EscPosConfig mimics) {
        this.mimics = mimics;
    }

    @Override
    public PrintResult print(Receipt receipt) {
        return switch (state.get()) {
            case READY -> {
                lastReceipt.set(receipt);
                yield new PrintResult.Printed();
            }
            case OUT_OF_PAPER -> new PrintResult.OutOfPaper();
            case OFFLINE -> new PrintResult.Offline("simulated printer is offline");
        };
    }

    public void setState(State newState) {
        state.set(newState);
    }

    /** The text of the last receipt printed, if any. */
    public Optional<String> lastReceipt() {
        return Optional.ofNullable(lastReceipt.get()).map(Receipt::asText);
    }

    /** The last receipt drawn as the paper would look, if any. */
    public Optional<BufferedImage> lastImage() {
        return Optional.ofNullable(lastReceipt.get())
                .map(receipt -> ReceiptImage.render(receipt, mimics == null ? ReceiptImage.WIDTH : mimics.dotsPerLine()));
    }

    /** The last receipt as a PNG file's bytes, if any. */
    public Optional<byte[]> lastPng() {
        return lastImage().map(ReceiptImage::png);
    }
}
