package fi.suoja.hardware.broker;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * Socket factories for Paho whose sockets send each MQTT packet at once (TCP_NODELAY). Paho sets
 * no socket options, so Nagle's algorithm held a small packet back until the last one sent was
 * acknowledged, and with the peer's delayed acknowledgement a PUBLISH or its PUBACK waited about
 * 40 ms: a bare publish → answer round trip took ~88 ms where it takes ~2 (bench/turnaround), and
 * every command the server sent held one of its few in-flight slots that long. MQTT's packets are
 * small and few per message, so sending them at once costs nothing worth saving.
 */
public final class NoDelaySockets {

    private NoDelaySockets() {
    }

    /**
     * The factory for a plain broker address ({@code tcp://}, {@code ws://}), or empty for TLS:
     * Paho builds its own TLS factory from the connection's options, and a wrapped one would have
     * to repeat what it checks; over TLS the broker's {@code set_tcp_nodelay} still covers what it
     * sends (commands, acknowledgements), and the laptops' answers are one packet at a time.
     */
    public static Optional<SocketFactory> forUri(String serverUri) {
        return serverUri.startsWith("tcp://") || serverUri.startsWith("ws://")
                ? Optional.of(new Plain(SocketFactory.getDefault())) : Optional.empty();
    }

    private static <S extends Socket> S noDelay(S socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Plain TCP (and WebSocket) connections. */
    static final class Plain extends SocketFactory {

        private final SocketFactory delegate;

        Plain(SocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noDelay(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
