package fi.suoja.hardware.card;

import fi.suoja.hardware.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A reader on a serial line (RS-232 or a USB serial adapter) that sends each card as one line of
 * ASCII ending in CR, LF or both. No native serial library is needed: the tty is read as a file.
 * The port's speed and framing are set beforehand, once per boot, e.g. in a udev rule or the
 * kiosk's service unit:
 * <pre>
 * stty -F /dev/ttyUSB0 9600 cs8 -cstopb -parenb raw -echo
 * </pre>
 * (9600 8N1 is what most readers send; the reader's manual says.) The kiosk's user needs to be
 * in the {@code dialout} group. A line that is no card number is logged and dropped.
 *
 * <p>Register the listeners, then {@link #start()}: lines read before would reach nobody.
 * One daemon thread reads; {@link #close()} stops it. A tty read does not always return
 * when the file is closed; the thread then ends with the next byte or at exit.
 */
public final class SerialCardReader implements CardReader, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SerialCardReader.class);
    private static final int MAX_LINE = 256;

    private final String name;
    private final InputStream in;
    private final CardFormat format;
    private final Listeners listeners = new Listeners();
    private final Thread reader;
    private volatile boolean closed;

    /** Will read from a stream already open, such as a socket's or a test's, once started. */
    public SerialCardReader(String name, InputStream in, CardFormat format) {
        this.name = name;
        this.in = in;
        this.format = format;
        this.reader = new Thread(this::readLines, "card-reader-" + name);
        reader.setDaemon(true);
    }

    /** Starts reading; call once, after registering the listeners. */
    public void start() {
        reader.start();
    }

    /** Opens the device file, such as {@code /dev/ttyUSB0}; reading begins with {@link #start()}. */
    public static SerialCardReader open(Path device, CardFormat format) throws IOException {
        return new SerialCardReader(device.toString(), Files.newInputStream(device), format);
    }

    @Override
    public Registration onCard(Consumer<CardNumber> listener) {
        return listeners.add(listener);
    }

    @Override
    public void close() {
        closed = true;
        try {
            in.close();
        } catch (IOException e) {
            log.debug("card reader {}: closing: {}", name, e.getMessage());
        }
        reader.interrupt();
    }

    private void readLines() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while (!closed && (b = in.read()) >= 0) {
                if (b == '\r' || b == '\n') {
                    if (line.size() > 0) {
                        handle(line.toString(StandardCharsets.US_ASCII));
                        line.reset();
                    }
                } else if (line.size() < MAX_LINE) {
                    line.write(b);
                }
            }
            if (line.size() > 0 && !closed) {
                handle(line.toString(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            if (!closed) {
                log.warn("card reader {} stopped: {}", name, e.getMessage());
            }
        }
    }

    private void handle(String text) {
        CardRead read = format.read(text);
        if (read instanceof CardRead.Accepted accepted) {
            listeners.deliver(accepted.number());
        } else if (read instanceof CardRead.Rejected rejected) {
            log.info("card reader {}: dropped a line: {}", name, rejected.reason());
        }
    }
}
