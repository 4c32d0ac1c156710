package fi.suoja.hardware.printer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An ESC/POS printer on USB or a parallel port, written through its device file, typically
 * {@code /dev/usb/lp0} (the kiosk's user needs to be in the {@code lp} group). A device file
 * gives no paper status back, so this printer never answers {@link PrintResult.OutOfPaper}: a
 * printer without paper usually stops taking bytes, and the write times out as
 * {@link PrintResult.Offline}. A missing device file (printer unplugged or off) is offline too.
 */
public final class DevicePrinter implements ReceiptPrinter {

    private static final Logger log = LoggerFactory.getLogger(DevicePrinter.class);

    private final Path device;
    private final Duration writeTimeout;
    private final EscPosEncoder encoder;

    public DevicePrinter(DevicePrinterConfig config, EscPosEncoder encoder) {
        this.device = config.device();
        this.writeTimeout = config.writeTimeout();
        this.encoder = encoder;
    }

    @Override
    public PrintResult print(Receipt receipt) {
        byte[] job = encoder.encode(receipt);
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean fired = new AtomicBoolean();
        try (FileChannel channel = FileChannel.open(device, StandardOpenOption.WRITE)) {
            java.io.Closeable watchdogsHandle = channel;   // closing it is how a blocked write is ended
            CompletableFuture.runAsync(() -> {
                if (!done.get()) {
                    fired.set(true);
                    try {
                        watchdogsHandle.close();
                    } catch (IOException ignored) {
                        // the writer sees the closed channel
                    }
                }
            }, CompletableFuture.delayedExecutor(writeTimeout.toMillis(), TimeUnit.MILLISECONDS));
            ByteBuffer buffer = ByteBuffer.wrap(job);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return new PrintResult.Printed();
        } catch (ClosedChannelException e) {
            return offline(fired.get() ? "sending the receipt took over " + writeTimeout.toMillis() + " ms"
                    : "device closed: " + e.getMessage());
        } catch (NoSuchFileException e) {
            return offline("no device " + device + ": printer unplugged or off");
        } catch (IOException e) {
            return offline("cannot write to " + device + ": " + e.getMessage());
        } finally {
            done.set(true);
        }
    }

    private PrintResult offline(String reason) {
        log.warn("printer {} is offline: {}", device, reason);
        return new PrintResult.Offline(reason);
    }
}
