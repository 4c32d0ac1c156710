package fi.suoja.hardware.printer;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a network receipt printer is and how long to wait for it.
 *
 * @param host           name or address of the printer
 * @param port           its raw print port, 9100 on nearly every network printer
 * @param connectTimeout how long a connection may take before the printer counts as offline
 * @param writeTimeout   how long sending one receipt may take
 * @param statusTimeout  how long to wait for the answer to the paper status query; a printer that
 *                       does not answer in time is printed to anyway (some never answer)
 */
public record NetworkPrinterConfig(String host, int port, Duration connectTimeout, Duration writeTimeout,
                                   Duration statusTimeout) {

    public static final int RAW_PRINT_PORT = 9100;

    public NetworkPrinterConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a network printer needs a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a printer port is 1 to 65535 (usually 9100), not " + port);
        }
        positive(connectTimeout, "connect timeout");
        positive(writeTimeout, "write timeout");
        Objects.requireNonNull(statusTimeout, "status timeout (zero to skip the paper status query)");
        if (statusTimeout.isNegative()) {
            throw new IllegalArgumentException("the status timeout is zero (no query) or positive, not " + statusTimeout);
        }
    }

    public NetworkPrinterConfig(String host) {
        this(host, RAW_PRINT_PORT, Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofMillis(500));
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("the " + name + " must be positive, not " + duration);
        }
    }
}
