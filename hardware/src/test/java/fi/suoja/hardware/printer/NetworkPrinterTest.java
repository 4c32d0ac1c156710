package fi.suoja.hardware.printer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkPrinterTest {

    private static final int READY = 0x12;
    private static final int PAPER_OUT = 0x72;

    private final EscPosEncoder encoder = new EscPosEncoder(EscPosConfig.latinOnly());
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void a_printer_on_port_9100_style_socket_receives_exactly_the_encoded_bytes() throws Exception {
        FakePrinter fake = new FakePrinter(READY);

        PrintResult result = printer(fake.port()).print(GoldenReceipts.FINNISH);

        assertThat(result).isInstanceOf(PrintResult.Printed.class);
        byte[] received = fake.received().get(5, TimeUnit.SECONDS);
        assertThat(received).startsWith(EscPos.ASK_PAPER_STATUS);
        assertThat(java.util.Arrays.copyOfRange(received, 3, received.length)).isEqualTo(encoder.encode(GoldenReceipts.FINNISH));
    }

    @Test
    void a_printer_that_reports_paper_end_gets_no_receipt_and_the_answer_is_out_of_paper() throws Exception {
        FakePrinter fake = new FakePrinter(PAPER_OUT);

        PrintResult result = printer(fake.port()).print(GoldenReceipts.ENGLISH);

        assertThat(result).isInstanceOf(PrintResult.OutOfPaper.class);
        assertThat(fake.received().get(5, TimeUnit.SECONDS)).containsExactly(EscPos.ASK_PAPER_STATUS);
    }

    @Test
    void a_printer_that_does_not_answer_the_status_query_is_printed_to_anyway() throws Exception {
        FakePrinter fake = new FakePrinter(-1);

        PrintResult result = printer(fake.port()).print(GoldenReceipts.ENGLISH);

        assertThat(result).isInstanceOf(PrintResult.Printed.class);
        assertThat(fake.received().get(5, TimeUnit.SECONDS)).endsWith(encoder.encode(GoldenReceipts.ENGLISH));
    }

    @Test
    void a_refused_connection_is_offline() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        PrintResult result = printer(port).print(GoldenReceipts.ENGLISH);

        assertThat(result).isInstanceOfSatisfying(PrintResult.Offline.class,
                offline -> assertThat(offline.reason()).contains("refused"));
    }

    @Test
    void a_printer_that_never_takes_the_connection_is_offline_after_the_connect_timeout() throws IOException {
        // A listener that never accepts, its queue filled: the kernel drops further connection attempts unanswered.
        ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        toClose.add(busy);
        for (int i = 0; i < 4; i++) {
            Socket filler = new Socket();
            toClose.add(filler);
            try {
                filler.connect(busy.getLocalSocketAddress(), 200);
            } catch (IOException queueAlreadyFull) {
                break;
            }
        }
        NetworkPrinterConfig config = new NetworkPrinterConfig("127.0.0.1", busy.getLocalPort(),
                Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(200));

        long start = System.nanoTime();
        PrintResult result = new NetworkPrinter(config, encoder).print(GoldenReceipts.ENGLISH);

        assertThat(result).isInstanceOfSatisfying(PrintResult.Offline.class,
                offline -> assertThat(offline.reason()).contains("no answer within 300 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_printer_that_stops_taking_bytes_is_offline_after_the_write_timeout() throws IOException {
        ServerSocket stuck = new ServerSocket();
        stuck.setReceiveBufferSize(4096);
        stuck.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        toClose.add(stuck);
        List<Receipt.Line> many = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            many.add(new Receipt.Line("Line " + i, "a receipt far longer than any socket buffer"));
        }
        NetworkPrinterConfig config = new NetworkPrinterConfig("127.0.0.1", stuck.getLocalPort(),
                Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ZERO);

        long start = System.nanoTime();
        PrintResult result = new NetworkPrinter(config, encoder).print(new Receipt("Jam", many, "X"));

        assertThat(result).isInstanceOfSatisfying(PrintResult.Offline.class,
                offline -> assertThat(offline.reason()).contains("took over 400 ms"));
        // Only a guard against hanging on the stuck printer: encoding 18 MB takes seconds on a busy machine.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void the_configuration_says_what_is_wrong() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new NetworkPrinterConfig("printer", 0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO))
                .withMessageContaining("9100");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new NetworkPrinterConfig(" "))
                .withMessageContaining("host");
    }

    private NetworkPrinter printer(int port) {
        return new NetworkPrinter(new NetworkPrinterConfig("127.0.0.1", port, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofMillis(300)), encoder);
    }

    /** A printer on a local port: answers the paper status query with a byte (or not at all) and keeps what it is sent. */
    private final class FakePrinter {
        private final ServerSocket server;
        private final CompletableFuture<byte[]> received = new CompletableFuture<>();

        FakePrinter(int statusAnswer) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            toClose.add(server);
            Thread thread = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    all.write(in.readNBytes(3));
                    if (statusAnswer >= 0) {
                        socket.getOutputStream().write(statusAnswer);
                        socket.getOutputStream().flush();
                    }
                    all.write(in.readAllBytes());
                    received.complete(all.toByteArray());
                } catch (IOException e) {
                    received.completeExceptionally(e);
                }
            }, "fake-printer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        CompletableFuture<byte[]> received() {
            return received;
        }
    }
}
