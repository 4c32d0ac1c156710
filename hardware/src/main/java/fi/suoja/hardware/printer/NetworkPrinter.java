package fi.suoja.hardware.printer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An ESC/POS printer on the network, printing raw bytes sent to its port 9100. Before each receipt
 * it asks for the paper status (DLE EOT 4) and prints nothing when the paper has run out; a
 * printer that does not answer the query is printed to anyway. A refused or silent connection,
 * and a write that does not finish in time, answer {@link PrintResult.Offline}.
 */
public final class NetworkPrinter implements ReceiptPrinter {

    private static final Logger log = LoggerFactory.getLogger(NetworkPrinter.class);

    private final NetworkPrinterConfig config;
    private final EscPosEncoder encoder;

    public NetworkPrinter(NetworkPrinterConfig config, EscPosEncoder encoder) {
        this.config = config;
        this.encoder = encoder;
    }

    @Override
    public PrintResult print(Receipt receipt) {
        byte[] job = encoder.encode(receipt);
        String printer = config.host() + ":" + config.port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
            if (paperOut(socket)) {
                log.warn("printer {} is out of paper", printer);
                return new PrintResult.OutOfPaper();
            }
            writeWithin(socket, job);
            return new PrintResult.Printed();
        } catch (UnknownHostException e) {
            return offline(printer, "unknown host " + config.host());
        } catch (ConnectException e) {
            return offline(printer, "connection refused");
        } catch (SocketTimeoutException e) {
            return offline(printer, "no answer within " + config.connectTimeout().toMillis() + " ms");
        } catch (WriteTimedOut e) {
            return offline(printer, "sending the receipt took over " + config.writeTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return offline(printer, "connection failed: " + e.getMessage());
        }
    }

    private PrintResult offline(String printer, String reason) {
        log.warn("printer {} is offline: {}", printer, reason);
        return new PrintResult.Offline(reason);
    }

    private boolean paperOut(Socket socket) throws IOException {
        if (config.statusTimeout().isZero()) {
            return false;
        }
        socket.getOutputStream().write(EscPos.ASK_PAPER_STATUS);
        socket.getOutputStream().flush();
        socket.setSoTimeout((int) Math.max(1, config.statusTimeout().toMillis()));
        InputStream in = socket.getInputStream();
        try {
            int status = in.read();
            if (status < 0) {
                return false;
            }
            Optional<Boolean> out = EscPos.paperOut(status);
            if (out.isEmpty()) {
                log.debug("printer answered {} to the paper status query, which is no status byte", status);
            }
            return out.orElse(false);
        } catch (SocketTimeoutException e) {
            log.debug("printer does not answer the paper status query; printing anyway");
            return false;
        }
    }

    /** A socket write has no timeout of its own: a watchdog closes the socket if it blocks too long. */
    private void writeWithin(Socket socket, byte[] job) throws IOException {
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean fired = new AtomicBoolean();
        CompletableFuture.runAsync(() -> {
            if (!done.get()) {
                fired.set(true);
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all the watchdog can do; the writer sees the failure
                }
            }
        }, CompletableFuture.delayedExecutor(config.writeTimeout().toMillis(), TimeUnit.MILLISECONDS));
        try {
            OutputStream out = socket.getOutputStream();
            out.write(job);
            out.flush();
            socket.shutdownOutput();
        } catch (IOException e) {
            if (fired.get()) {
                throw new WriteTimedOut();
            }
            throw e;
        } finally {
            done.set(true);
        }
    }

    private static final class WriteTimedOut extends IOException {
        WriteTimedOut() {
            super("write timed out");
        }
    }
}
