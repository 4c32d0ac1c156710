package fi.suoja.hardware.broker;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

class NoDelaySocketsTest {

    @Test
    void plain_broker_addresses_get_sockets_that_send_at_once_connected_or_not() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket unconnected = NoDelaySockets.forUri("tcp://127.0.0.1:1883").orElseThrow().createSocket();
             Socket connected = NoDelaySockets.forUri("ws://127.0.0.1:8080").orElseThrow()
                     .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            // Paho makes an unconnected socket and connects it itself: the option must hold then too.
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(connected.isConnected()).isTrue();
            assertThat(connected.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void tls_addresses_keep_pahos_own_factory() {
        assertThat(NoDelaySockets.forUri("ssl://broker:8883")).isEmpty();
        assertThat(NoDelaySockets.forUri("wss://broker:443")).isEmpty();
    }
}
