package fi.suoja.ui.kiosk;

import fi.suoja.hardware.printer.EscPosConfig;
import fi.suoja.hardware.printer.PrintResult;
import fi.suoja.hardware.printer.Receipt;
import fi.suoja.hardware.printer.ReceiptPrinter;
import fi.suoja.hardware.printer.SimulatedPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The simulated printer of a kiosk without one: prints what the configured printer would, and
 * keeps the newest receipt as {@code last-receipt.txt} and {@code last-receipt.png} in a folder,
 * so whoever tries Suoja out can see the paper. Only the newest is kept: a receipt holds codes.
 */
final class ShownReceipts implements ReceiptPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(ShownReceipts.class);

    private final SimulatedPrinter simulator;
    private final Path folder;

    ShownReceipts(EscPosConfig mimics, Path folder) {
        this.simulator = new SimulatedPrinter(mimics);
        this.folder = folder;
    }

    @Override
    public PrintResult print(Receipt receipt) {
        PrintResult result = simulator.print(receipt);
        if (result instanceof PrintResult.Printed) {
            try {
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("last-receipt.txt"), simulator.lastReceipt().orElseThrow());
                Files.write(folder.resolve("last-receipt.png"), simulator.lastPng().orElseThrow());
                LOG.info("Simulated printer: the receipt is in {}", folder.toAbsolutePath());
            } catch (IOException e) {
                // A real printer that cannot print says so, and so does this one.
                LOG.warn("Simulated printer cannot write to {}: {}", folder.toAbsolutePath(), e.getMessage());
                return new PrintResult.Offline("cannot write the simulated receipt: " + e.getMessage());
            }
        }
        return result;
    }
}
