package fi.suoja.agent;

import fi.suoja.agent.config.AgentConfig;
import fi.suoja.agent.session.SessionControl;
import fi.suoja.agent.session.SessionException;
import fi.suoja.agent.state.AgentSession;
import fi.suoja.agent.state.PendingWipe;
import fi.suoja.agent.state.StateStore;
import fi.suoja.agent.transport.Transport;
import fi.suoja.agent.transport.TransportException;
import fi.suoja.agent.wipe.WipeEngine;
import fi.suoja.hardware.broker.Backoff;
import fi.suoja.hardware.mqtt.AgentState;
import fi.suoja.hardware.mqtt.CommandCheck;
import fi.suoja.hardware.mqtt.CommandSigner;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.Event;
import fi.suoja.hardware.mqtt.EventType;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.hardware.mqtt.Wire;
import fi.suoja.hardware.mqtt.WipeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The agent: one thread, one loop that never dies. It finishes an interrupted or owed wipe before
 * anything else (no broker needed), then keeps a connection with back-off, handles commands one at
 * a time, and publishes its retained status on every connect, change and heartbeat. Every failure
 * is logged with the device id and retried on the next turn of the loop.
 */
public final class Agent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Agent.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final int OUTBOX_LIMIT = 500;
    private static final int INBOX_LIMIT = 1_000;

    /** What reaches the loop from the transport's threads. */
    private sealed interface Inbound {
        record Message(String topic, byte[] payload) implements Inbound {
        }

        record Lost(String reason) implements Inbound {
        }

        record Wake() implements Inbound {
        }
    }

    private record Outgoing(String topic, byte[] payload, boolean retained) {
    }

    private final AgentConfig config;
    private final DeviceId device;
    private final Topics topics;
    private final StateStore store;
    private final SessionControl sessionControl;
    private final Wiping wiping;
    private final SystemProbe probe;
    private final Clock clock;
    private final Transport transport;
    private final CommandHandler commands;
    /** Signs every status and event with the device key: the server believes nothing unsigned. */
    private final CommandSigner signer;
    private final Backoff backoff;
    /** Bounded: a flood on the command topic must not eat the laptop's memory. */
    private final BlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>(INBOX_LIMIT);
    private final Deque<Outgoing> outbox = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean running = true;
    private volatile AgentSession session;
    /** The end of the running guest session; null when none runs. */
    private volatile Instant sessionUntil;
    private volatile boolean wipeUnderWay;
    private long nextConnectAttempt;
    private long nextHeartbeat;
    private boolean statusEverPublished;
    private Thread thread;

    public Agent(AgentConfig config, StateStore store, SessionControl sessionControl, WipeEngine engine, Clock clock,
                 Function<Transport.Listener, Transport> transportFactory) throws IOException {
        this.config = config;
        this.device = config.deviceId();
        this.topics = config.topics();
        this.store = store;
        this.sessionControl = sessionControl;
        this.wiping = new Wiping(device, store, sessionControl, engine, config.wipeAreas());
        this.probe = new SystemProbe(config.stateDir());
        this.clock = clock;
        this.backoff = new Backoff(FIRST_RETRY, config.reconnectCeiling(), new Random());
        this.signer = new CommandSigner(config.deviceKey());
        // What is reported before the first connection (a wipe at start-up) carries the stored identity.
        this.session = store.currentSession();
        this.transport = transportFactory.apply(new Transport.Listener() {
            @Override
            public void messageArrived(String topic, byte[] payload) {
                if (!inbox.offer(new Inbound.Message(topic, payload))) {
                    log.warn("{} too many messages waiting; one on {} is dropped", device, topic);
                }
            }

            @Override
            public void connectionLost(String reason) {
                // If the inbox is full, the loop still sees the lost connection through isConnected().
                inbox.offer(new Inbound.Lost(reason));
            }
        });
        CommandCheck check = new CommandCheck(device, signer, config.allowedClockSkew());
        this.commands = new CommandHandler(device, check, store, sessionControl, wiping, clock, effects());
    }

    /** How handling a command reaches back into the loop's state. */
    private CommandHandler.Effects effects() {
        return new CommandHandler.Effects() {
            @Override
            public void emit(EventType type, String commandId, String detail, boolean duplicate, WipeReport report) {
                Agent.this.emit(type, commandId, detail, duplicate, report);
            }

            @Override
            public void session(Instant until) {
                sessionUntil = until;
            }

            @Override
            public void wiping(boolean underWay) {
                wipeUnderWay = underWay;
                publishStatus();
            }

            @Override
            public AgentState state() {
                return Agent.this.state();
            }
        };
    }

    /** Starts the loop on its own thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "suoja-agent-" + device);
        thread.start();
    }

    /** Blocks until the loop has ended (after {@link #close()}). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    public AgentState state() {
        if (wipeUnderWay) {
            return AgentState.WIPING;
        }
        if (sessionUntil != null) {
            return AgentState.IN_SESSION;
        }
        if (store.isLocked()) {
            return AgentState.LOCKED;
        }
        return store.isDirty() ? AgentState.DIRTY : AgentState.IDLE;
    }

    private void run() {
        try {
            log.info("{} agent {} starts: {}", device, probe.agentVersion(), config);
            finishOwedWipe();
            keepLockAfterRestart();
            try {
                transport.subscribe(topics.commands(device), 1);
            } catch (TransportException e) {
                log.warn("{} cannot register the command subscription yet: {}", device, e.getMessage());
            }
            nextHeartbeat = System.nanoTime() + config.heartbeat().toNanos();
            while (running) {
                try {
                    turn();
                } catch (InterruptedException e) {
                    if (!running) {
                        break;
                    }
                    Thread.interrupted();
                } catch (RuntimeException e) {
                    log.error("{} unexpected failure in the agent loop; carrying on", device, e);
                    pause(FIRST_RETRY);
                }
            }
        } finally {
            goOffline();
            stopped.countDown();
        }
    }

    /**
     * The wipe guarantee at start-up: an unfinished wipe job or a dirty flag means a wipe now,
     * before connecting. A power cut mid-wipe therefore ends in a wipe.
     */
    private void finishOwedWipe() {
        while (running) {
            try {
                PendingWipe pending = store.pendingWipe().orElse(null);
                if (pending == null && !store.isDirty()) {
                    return;
                }
                PendingWipe job = pending != null ? pending
                        : new PendingWipe(null, "startup-" + clock.instant().toEpochMilli(), clock.instant());
                log.info("{} {} at start-up: wiping before anything else", device,
                        pending != null ? "an unfinished wipe job " + job.jobId() : "the dirty flag is set");
                if (job.commandId() != null) {
                    // The server counts a result only for a command acknowledged before; the first ACK may
                    // have been lost with the power, so acknowledge again (a repeat is harmless).
                    emit(EventType.ACK, job.commandId(), "WIPE resumed after a restart", false, null);
                }
                wipeUnderWay = true;
                WipeReport report;
                try {
                    report = wiping.run(job, step -> { });
                } finally {
                    wipeUnderWay = false;
                }
                String how = job.commandId() == null ? "wipe at start-up: " : "wipe resumed after a restart: ";
                emit(EventType.RESULT, job.commandId(), how + (report.verified() ? "verified" : "NOT verified"),
                        false, report);
                return;
            } catch (IOException | RuntimeException e) {
                log.error("{} the start-up wipe failed; retrying", device, e);
                pause(backoff.next());
            }
        }
    }

    /**
     * The booking's end holds even when the server cannot be reached: the agent ends the guest
     * session itself. The device is then DIRTY until the server's wipe arrives.
     */
    private void endSessionAtItsTime() {
        Instant until = sessionUntil;
        if (until == null || clock.instant().isBefore(until)) {
            return;
        }
        try {
            sessionControl.end();
            log.info("{} the guest session reached its end at {} and was ended", device, until);
        } catch (SessionException e) {
            log.warn("{} the guest session reached its end at {}, but ending it failed: {}", device, until,
                    e.getMessage());
        }
        sessionUntil = null;
        publishStatus();
    }

    /** A LOCK outlives a reboot: the flag is on disk, and the OS lock is applied again. */
    private void keepLockAfterRestart() {
        if (!store.isLocked()) {
            return;
        }
        try {
            sessionControl.lock();
            log.info("{} locked since before the restart; lock applied again", device);
        } catch (SessionException e) {
            log.warn("{} locked since before the restart, but the lock could not be applied again: {}", device,
                    e.getMessage());
        }
    }

    private void turn() throws InterruptedException {
        long now = System.nanoTime();
        if (!transport.isConnected() && now - nextConnectAttempt >= 0) {
            connect();
        }
        flushOutbox();
        long untilHeartbeat = nextHeartbeat - System.nanoTime();
        long wait = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(untilHeartbeat), outbox.isEmpty() ? 1_000 : 50));
        if (!transport.isConnected()) {
            wait = Math.max(1, Math.min(wait, TimeUnit.NANOSECONDS.toMillis(nextConnectAttempt - System.nanoTime())));
        }
        Inbound inbound = inbox.poll(wait, TimeUnit.MILLISECONDS);
        if (inbound instanceof Inbound.Message message) {
            if (message.topic().equals(topics.commands(device))) {
                commands.handle(message.payload());
                publishStatus();
            }
        } else if (inbound instanceof Inbound.Lost lost) {
            if (transport.isConnected()) {
                // Told by a connection that was already replaced (a laptop waking up reconnects before it reads this).
                log.debug("{} an earlier connection ended: {}", device, lost.reason());
            } else {
                log.warn("{} connection lost: {}", device, lost.reason());
                nextConnectAttempt = System.nanoTime() + backoff.next().toNanos();
            }
        }
        endSessionAtItsTime();
        if (System.nanoTime() - nextHeartbeat >= 0) {
            nextHeartbeat = System.nanoTime() + config.heartbeat().toNanos();
            publishStatus();
        }
    }

    private void connect() {
        try {
            session = store.nextSession();
            DeviceStatus lastWords = signer.sign(status(true).offline(clock.instant()));
            transport.connect(new Transport.Will(topics.status(device), Wire.encode(lastWords)), CONNECT_TIMEOUT);
            backoff.reset();
            log.info("{} connected to {} (epoch {}, session {})", device, config.brokerUrl(), session.epoch(),
                    session.counter());
            publishStatus();
            emit(EventType.HELLO, null, "connected, epoch " + session.epoch() + ", session " + session.counter(), false, null);
        } catch (TransportException | IOException e) {
            Duration wait = backoff.next();
            nextConnectAttempt = System.nanoTime() + wait.toNanos();
            log.warn("{} cannot connect to {} (attempt {}): {}; next attempt in {} ms", device, config.brokerUrl(),
                    backoff.failures(), e.getMessage(), wait.toMillis());
        }
    }

    /** The status as it is now, signed. */
    private DeviceStatus status(boolean online) {
        AgentSession identity = session;
        return signer.sign(new DeviceStatus(device.value(), online, identity.epoch(), identity.counter(), state(),
                probe.batteryPercent(), probe.freeDiskBytes(), probe.agentVersion(), probe.os(), clock.instant(), null));
    }

    private void publishStatus() {
        // Only the newest status matters: an older one waiting in the outbox is replaced.
        outbox.removeIf(Outgoing::retained);
        outbox.addFirst(new Outgoing(topics.status(device), Wire.encode(status(true)), true));
        flushOutbox();
    }

    private void emit(EventType type, String commandId, String detail, boolean duplicate, WipeReport report) {
        AgentSession identity = session;
        Event event = signer.sign(new Event(device.value(), type, identity.epoch(), identity.counter(), commandId, state(),
                detail, duplicate, report, clock.instant(), null));
        if (outbox.size() >= OUTBOX_LIMIT) {
            log.warn("{} outbox full while offline; dropping the oldest event", device);
            outbox.stream().filter(o -> !o.retained()).findFirst().ifPresent(outbox::remove);
        }
        outbox.addLast(new Outgoing(topics.events(device), Wire.encode(event), false));
        log.info("{} {}{}{}: {}", device, type, commandId == null ? "" : " " + commandId,
                duplicate ? " (duplicate)" : "", detail);
        flushOutbox();
    }

    private void flushOutbox() {
        while (!outbox.isEmpty() && transport.isConnected()) {
            Outgoing next = outbox.peekFirst();
            try {
                transport.publish(next.topic(), next.payload(), 1, next.retained());
            } catch (TransportException e) {
                log.debug("{} publish deferred: {}", device, e.getMessage());
                return;
            }
            outbox.pollFirst();
            if (next.retained() && !statusEverPublished) {
                statusEverPublished = true;
                ProcessHandle.current().info().startInstant().ifPresent(started -> log.info(
                        "{} first status published {} ms after the process started", device,
                        Duration.between(started, Instant.now()).toMillis()));
            }
        }
    }

    /** Says goodbye properly: the retained status turns offline, then a clean disconnect. */
    private void goOffline() {
        try {
            if (transport.isConnected()) {
                transport.publish(topics.status(device), Wire.encode(status(false)), 1, true);
            }
        } catch (TransportException | RuntimeException e) {
            log.debug("{} offline status not sent: {}", device, e.getMessage());
        }
        transport.close();
        log.info("{} agent stopped", device);
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the loop and disconnects; safe to call twice. */
    @Override
    public void close() {
        running = false;
        inbox.offer(new Inbound.Wake());
        Thread loop;
        synchronized (this) {
            loop = thread;
        }
        if (loop == null) {
            transport.close();
            return;
        }
        try {
            if (!stopped.await(15, TimeUnit.SECONDS)) {
                log.warn("{} the agent loop did not stop within 15 s", device);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
