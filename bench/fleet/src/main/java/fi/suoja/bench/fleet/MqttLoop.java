package fi.suoja.bench.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many MQTT 5 connections on one thread: one selector, one queue of tasks, one timer queue. Every
 * connection's state is touched only on this thread, so nothing is locked; other threads hand work
 * in with {@link #execute(Runnable)}. This is what lets 10,000 simulated agents share two cores
 * with the server and the broker they are measuring.
 *
 * <p>A message counts as arrived when its bytes were read ({@link Connection#readAt()}): each turn
 * reads every connection that has bytes first, and only then hands the messages to their owners.
 * Handled as read, 1,000 agents' WIPE commands arriving together took the loop 110–200 ms to
 * handle one after another, and the last agent's command counted as arrived that much later than
 * a laptop of its own would have seen it. {@link #lagNanos()} says how far behind the handlers ran.
 */
final class MqttLoop implements AutoCloseable {

    /** What a connection tells its owner; all calls come on the loop's thread. */
    interface Handler {
        void connected(Connection connection, Mqtt5.ConnAck ack);

        void subscribed(Connection connection, int packetId, int reasonCode);

        void message(Connection connection, Mqtt5.Publish message);

        void closed(Connection connection, String reason);
    }

    private record Timer(long dueNanos, long order, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Thread thread;
    private final AtomicLong order = new AtomicLong();
    private volatile boolean running = true;
    /** Failures seen by the loop itself (a handler threw); a run with any is not to be trusted. */
    final AtomicLong handlerFailures = new AtomicLong();
    /** The connections read in this turn, whose messages are handed out next. Loop thread only. */
    private final List<Connection> read = new ArrayList<>();
    /** The longest a message waited between its read and its handler, since {@link #lagNanos()} was last asked. */
    private final AtomicLong lag = new AtomicLong();

    MqttLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
        every(TimeUnit.SECONDS.toNanos(5), this::keepAlive);
    }

    /** Runs {@code task} on the loop's thread, soon. Safe from any thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop's thread after {@code delayNanos}. Loop thread only. */
    void schedule(long delayNanos, Runnable task) {
        timers.add(new Timer(System.nanoTime() + delayNanos, order.incrementAndGet(), task));
    }

    /** Runs {@code task} every {@code periodNanos} from now on. Loop thread or before any connection exists. */
    void every(long periodNanos, Runnable task) {
        execute(() -> schedule(periodNanos, new Runnable() {
            @Override
            public void run() {
                task.run();
                schedule(periodNanos, this);
            }
        }));
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Opens a connection and sends CONNECT once TCP is up. Loop thread only. */
    Connection open(InetSocketAddress broker, String clientId, boolean cleanStart, long sessionExpirySeconds,
                    int keepAliveSeconds, Mqtt5.Will will, Handler handler) {
        Connection connection = new Connection(clientId, keepAliveSeconds, handler);
        connections.add(connection);
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.channel = channel;
            connection.pending(Mqtt5.connect(clientId, cleanStart, sessionExpirySeconds, keepAliveSeconds, will));
            if (channel.connect(broker)) {
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                connection.flush();
            } else {
                connection.key = channel.register(selector, SelectionKey.OP_CONNECT, connection);
            }
        } catch (IOException e) {
            connection.fail("cannot open a connection: " + e.getMessage());
        }
        return connection;
    }

    private void run() {
        while (running) {
            try {
                long timeout = 1_000;
                Timer next = timers.peek();
                if (next != null) {
                    timeout = Math.max(0, TimeUnit.NANOSECONDS.toMillis(next.dueNanos() - System.nanoTime()));
                }
                if (!tasks.isEmpty() || timeout == 0) {
                    selector.selectNow();
                } else {
                    selector.select(timeout);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    if (connection.ready(key)) {
                        read.add(connection);
                    }
                }
                selector.selectedKeys().clear();
                for (Connection connection : read) {
                    connection.handOut();
                }
                read.clear();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    runSafely(task);
                }
                long now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().dueNanos() - now <= 0) {
                    runSafely(timers.poll().task());
                }
            } catch (IOException | RuntimeException e) {
                handlerFailures.incrementAndGet();
                e.printStackTrace();
            }
        }
    }

    /** The longest a message waited between its read and its handler since the last call; then starts again. */
    long lagNanos() {
        return lag.getAndSet(0);
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            handlerFailures.incrementAndGet();
            e.printStackTrace();
        }
    }

    private void keepAlive() {
        long now = System.nanoTime();
        for (Connection c : connections) {
            if (c.up && c.keepAliveNanos > 0 && now - c.lastSentNanos > c.keepAliveNanos * 3 / 4) {
                c.write(Mqtt5.pingreq());
            }
        }
        connections.removeIf(c -> c.closed);
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One MQTT connection; every method runs on the loop's thread. */
    final class Connection {

        final String clientId;
        private final Handler handler;
        private final long keepAliveNanos;
        private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        /** QoS 1 publishes waiting because the broker's receive maximum is used up. */
        private final ArrayDeque<Object[]> held = new ArrayDeque<>();
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer in = ByteBuffer.allocate(1024);
        private int nextPacketId;
        private int inflight;
        private int receiveMaximum = 65_535;
        private long lastSentNanos = System.nanoTime();
        private long readNanos;
        private boolean up;
        private boolean closed;

        private Connection(String clientId, int keepAliveSeconds, Handler handler) {
            this.clientId = clientId;
            this.handler = handler;
            this.keepAliveNanos = TimeUnit.SECONDS.toNanos(keepAliveSeconds);
        }

        boolean isUp() {
            return up && !closed;
        }

        /** When the bytes of the message being handled were read ({@link System#nanoTime()}). */
        long readAt() {
            return readNanos;
        }

        /** Publishes at QoS 0 or 1; QoS 1 beyond the broker's receive maximum waits for a PUBACK. */
        void publish(String topic, byte[] payload, int qos, boolean retain) {
            if (closed) {
                return;
            }
            if (qos > 0 && inflight >= receiveMaximum) {
                held.add(new Object[] {topic, payload, qos, retain});
                return;
            }
            int id = 0;
            if (qos > 0) {
                id = nextId();
                inflight++;
            }
            write(Mqtt5.publish(topic, payload, qos, retain, id));
        }

        /** Subscribes one filter; returns the packet id that the SUBACK will carry. */
        int subscribe(String filter, int qos) {
            int id = nextId();
            write(Mqtt5.subscribe(id, filter, qos));
            return id;
        }

        /** A normal DISCONNECT (no Last Will), then the socket closes. */
        void disconnect(boolean endSession) {
            if (closed) {
                return;
            }
            write(Mqtt5.disconnect(endSession));
            try {
                channel.socket().shutdownOutput();
            } catch (IOException ignored) {
                // closing anyway
            }
            closeQuietly();
        }

        private int nextId() {
            nextPacketId = nextPacketId % 65_535 + 1;
            return nextPacketId;
        }

        private void pending(ByteBuffer packet) {
            out.add(packet);
        }

        private void write(ByteBuffer packet) {
            if (closed) {
                return;
            }
            lastSentNanos = System.nanoTime();
            out.add(packet);
            if (key != null && (key.interestOps() & SelectionKey.OP_CONNECT) == 0) {
                flush();
            }
        }

        private void flush() {
            try {
                while (!out.isEmpty()) {
                    ByteBuffer next = out.peek();
                    channel.write(next);
                    if (next.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        return;
                    }
                    out.poll();
                }
                key.interestOps(SelectionKey.OP_READ);
            } catch (IOException e) {
                fail("write failed: " + e.getMessage());
            }
        }

        /** Connects, writes and reads what the key is ready for; true if bytes were read, to hand out. */
        private boolean ready(SelectionKey ready) {
            if (!ready.isValid()) {
                return false;
            }
            try {
                if (ready.isConnectable()) {
                    channel.finishConnect();
                    key.interestOps(SelectionKey.OP_READ);
                    flush();
                    return false;
                }
                if (ready.isWritable()) {
                    flush();
                }
                if (ready.isReadable()) {
                    int n = channel.read(in);
                    readNanos = System.nanoTime();
                    if (n < 0) {
                        fail("the broker closed the connection");
                        return false;
                    }
                    return true;
                }
            } catch (IOException e) {
                fail(e.getMessage());
            }
            return false;
        }

        /** Hands every whole packet read so far to the connection's owner. */
        private void handOut() {
            if (closed) {
                return;
            }
            lag.accumulateAndGet(System.nanoTime() - readNanos, Math::max);
            in.flip();
            while (!closed) {
                int length = Mqtt5.packetLength(in);
                if (length < 0 || in.remaining() < length) {
                    if (length > in.capacity()) {
                        ByteBuffer bigger = ByteBuffer.allocate(length);
                        bigger.put(in);
                        in = bigger;
                        return;
                    }
                    break;
                }
                int start = in.position();
                int first = in.get() & 0xFF;
                int remaining = Mqtt5.varInt(in);
                ByteBuffer body = in.slice(in.position(), remaining);
                in.position(start + length);
                packet(first >> 4, first & 0x0F, body);
            }
            in.compact();
        }

        private void packet(int type, int flags, ByteBuffer body) {
            switch (type) {
                case Mqtt5.CONNACK -> {
                    Mqtt5.ConnAck ack = Mqtt5.connAck(body);
                    receiveMaximum = ack.receiveMaximum();
                    if (ack.reasonCode() >= 0x80) {
                        fail("CONNACK refused with reason " + ack.reasonCode());
                        return;
                    }
                    up = true;
                    handler.connected(this, ack);
                }
                case Mqtt5.PUBLISH -> {
                    Mqtt5.Publish message = Mqtt5.publish(flags, body);
                    if (message.qos() == 1) {
                        write(Mqtt5.puback(message.packetId()));
                    }
                    handler.message(this, message);
                }
                case Mqtt5.PUBACK -> {
                    inflight--;
                    Object[] waiting = held.poll();
                    if (waiting != null) {
                        publish((String) waiting[0], (byte[]) waiting[1], (Integer) waiting[2], (Boolean) waiting[3]);
                    }
                }
                case Mqtt5.SUBACK -> {
                    int[] ack = Mqtt5.subAck(body);
                    handler.subscribed(this, ack[0], ack[1]);
                }
                case Mqtt5.PINGRESP -> {
                    // the broker is there
                }
                case Mqtt5.DISCONNECT -> fail("the broker sent DISCONNECT, reason "
                        + (body.hasRemaining() ? body.get() & 0xFF : 0));
                default -> fail("unexpected packet type " + type);
            }
        }

        private void fail(String reason) {
            if (closed) {
                return;
            }
            closeQuietly();
            handler.closed(this, reason);
        }

        private void closeQuietly() {
            closed = true;
            up = false;
            try {
                if (key != null) {
                    key.cancel();
                }
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
