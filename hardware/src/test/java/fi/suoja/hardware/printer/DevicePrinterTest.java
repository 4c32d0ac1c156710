package fi.suoja.hardware.printer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DevicePrinterTest {

    private final EscPosEncoder encoder = new EscPosEncoder(EscPosConfig.latinOnly());

    @Test
    void the_device_file_receives_exactly_the_encoded_bytes(@TempDir Path directory) throws IOException {
        Path lp0 = Files.createFile(directory.resolve("lp0"));

        PrintResult result = new DevicePrinter(new DevicePrinterConfig(lp0, Duration.ofSeconds(2)), encoder).print(GoldenReceipts.FINNISH);

        assertThat(result).isInstanceOf(PrintResult.Printed.class);
        assertThat(Files.readAllBytes(lp0)).isEqualTo(encoder.encode(GoldenReceipts.FINNISH));
    }

    @Test
    void a_missing_device_file_means_the_printer_is_unplugged_or_off(@TempDir Path directory) {
        PrintResult result = new DevicePrinter(new DevicePrinterConfig(directory.resolve("lp0")), encoder)
                .print(GoldenReceipts.ENGLISH);

        assertThat(result).isInstanceOfSatisfying(PrintResult.Offline.class,
                offline -> assertThat(offline.reason()).contains("unplugged"));
    }

    @Test
    void the_configuration_says_what_is_wrong() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DevicePrinterConfig(null)).withMessageContaining("/dev/usb/lp0");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DevicePrinterConfig(Path.of("/dev/usb/lp0"), Duration.ZERO)).withMessageContaining("positive");
    }
}
