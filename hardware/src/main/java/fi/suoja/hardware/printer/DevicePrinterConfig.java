package fi.suoja.hardware.printer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a USB or parallel receipt printer's device file is and how long a receipt may take.
 *
 * @param device       such as {@code /dev/usb/lp0}
 * @param writeTimeout how long writing one receipt may take before the printer counts as offline
 */
public record DevicePrinterConfig(Path device, Duration writeTimeout) {

    public DevicePrinterConfig {
        if (device == null) {
            throw new IllegalArgumentException("a device printer needs its device file, such as /dev/usb/lp0");
        }
        if (writeTimeout == null || writeTimeout.isZero() || writeTimeout.isNegative()) {
            throw new IllegalArgumentException("the write timeout must be positive, not " + writeTimeout);
        }
    }

    public DevicePrinterConfig(Path device) {
        this(device, Duration.ofSeconds(10));
    }
}
