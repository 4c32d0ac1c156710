package fi.suoja.hardware.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between an MQTT client and the broker, so a test can break the client's network
 * the way a laptop lid or a Wi-Fi drop does: no DISCONNECT packet, the broker sends the Last Will.
 * It can also hold back what clients send (the broker never gets it, so never acknowledges it), to
 * leave messages in flight when the connection is then cut. Shared with the device agent's and the
 * server's tests through this module's test jar.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object flow = new Object();
    /** What clients sent since {@link #hold()}, kept from the broker. Guarded by {@link #flow}. */
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private volatile boolean refusing;
    private volatile boolean holding;
    private volatile int accepted;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections taken so far. */
    public int accepted() {
        return accepted;
    }

    /** From now on, what clients send is read and kept back from the broker (what the broker sends still flows). */
    public void hold() {
        holding = true;
    }

    /** What clients sent since {@link #hold()} and the broker did not get, as text (payloads are JSON). */
    public String held() {
        synchronized (flow) {
            return held.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Drops every open connection, with whatever was held back, and refuses new ones until {@link #heal()}. */
    public void cut() {
        refusing = true;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
        synchronized (flow) {
            holding = false;
            held.reset();
        }
    }

    /** Takes connections again, and forwards everything. */
    public void heal() {
        refusing = false;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                accepted++;
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(broker);
                pump(client, broker, true);
                pump(broker, client, false);
            } catch (IOException e) {
                // closed, or the broker is down: the client sees a failed connect and retries
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (fromClient && keptBack(buffer, read)) {
                        continue;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** While holding, keeps the bytes from the broker (until {@link #cut()} drops them with the connection). */
    private boolean keptBack(byte[] bytes, int length) {
        synchronized (flow) {
            if (holding) {
                held.write(bytes, 0, length);
            }
            return holding;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
