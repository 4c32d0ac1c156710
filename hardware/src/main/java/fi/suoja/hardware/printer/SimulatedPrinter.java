package fi.suoja.hardware.printer;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A printer without paper or wires: keeps the last receipt as text. Its state can be set, as a
 * real printer runs out of paper or goes offline, so the kiosk's answers to both can be tried.
 */
public final class SimulatedPrinter implements ReceiptPrinter {

    /** What the simulated printer is doing. */
    public enum State { READY, OUT_OF_PAPER, OFFLINE }

    private final AtomicReference<State> state = new AtomicReference<>(State.READY);
    private final AtomicReference<String> lastReceipt = new AtomicReference<>();

    @Override
    public PrintResult print(Receipt receipt) {
        return switch (state.get()) {
            case READY -> {
                lastReceipt.set(receipt.asText());
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
        return Optional.ofNullable(lastReceipt.get());
    }
}
