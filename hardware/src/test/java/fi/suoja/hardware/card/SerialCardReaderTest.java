package fi.suoja.hardware.card;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

class SerialCardReaderTest {

    private final CardFormat format = CardFormat.digits(10, 14);
    private final List<String> cards = new CopyOnWriteArrayList<>();

    @Test
    void lines_ending_in_cr_lf_or_both_each_deliver_a_card_and_junk_lines_are_dropped() throws Exception {
        PipedOutputStream line = new PipedOutputStream();
        try (SerialCardReader reader = new SerialCardReader("test", new PipedInputStream(line), format)) {
            reader.onCard(card -> cards.add(card.value()));
            reader.start();

            line.write(";2000123456?\r\nnoise\r2000654321\n\n12\n2000111122223333\n2000999888\r".getBytes(StandardCharsets.US_ASCII));
            line.flush();

            waitFor(3);
        }
        assertThat(cards).containsExactly("2000123456", "2000654321", "2000999888");
    }

    @Test
    void a_device_file_is_read_as_lines_to_its_end(@TempDir Path directory) throws IOException, InterruptedException {
        Path tty = Files.writeString(directory.resolve("ttyUSB0"), "2000123456\r\n2000654321");

        try (SerialCardReader reader = SerialCardReader.open(tty, format)) {
            reader.onCard(card -> cards.add(card.value()));
            reader.start();
            waitFor(2);
        }
        assertThat(cards).containsExactly("2000123456", "2000654321");
    }

    private void waitFor(int count) {
        await(count + " cards").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> cards.size() >= count);
    }
}
