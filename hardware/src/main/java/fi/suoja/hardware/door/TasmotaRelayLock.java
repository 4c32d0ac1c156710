package fi.suoja.hardware.door;

import fi.suoja.hardware.Registration;
import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.BrokerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An electric door strike behind a relay flashed with Tasmota: {@code ON} to
 * {@code cmnd/<topic>/POWER1} releases it, and Tasmota confirms with {@code ON} on
 * {@code stat/<topic>/POWER1}, which is the acknowledgement. The relay must switch itself off
 * again: set {@code PulseTime} on the device (e.g. {@code PulseTime 105} for 5 seconds), so a lost
 * connection never leaves the door open.
 *
 * <p>A relay has no keypad: {@link #setCode} and {@link #revokeCode} are refused with a reason,
 * and the person is let in with {@link #unlock} on check-in. Relay ON is reported as
 * {@link LockState#UNLOCKED}, OFF as {@link LockState#LOCKED} (a fail-secure strike); there is no
 * battery.
 */
public final class TasmotaRelayLock implements DoorLock, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TasmotaRelayLock.class);
    static final String NO_KEYPAD = "a relay lock has no keypad: let the person in with an unlock on check-in";

    private final BrokerConnection broker;
    private final TasmotaRelayLockConfig config;
    private final Clock clock;
    private final Acknowledgements<TasmotaCode> acknowledgements;
    private final List<Consumer<LockReport>> listeners = new CopyOnWriteArrayList<>();
    private final Registration subscription;

    /** Tasmota's words for a relay's state. */
    enum TasmotaCode {
        ON, OFF;

        static Optional<TasmotaCode> of(String payload) {
            String word = payload.trim();
            return word.equals("ON") ? Optional.of(ON) : word.equals("OFF") ? Optional.of(OFF) : Optional.empty();
        }
    }

    public TasmotaRelayLock(BrokerConnection broker, TasmotaRelayLockConfig config, Clock clock) throws BrokerException {
        this.broker = broker;
        this.config = config;
        this.clock = clock;
        this.acknowledgements = new Acknowledgements<>(config.answerTimeout(), config.attempts());
        this.subscription = broker.subscribe("stat/+/" + config.power(), 1, this::arrived);
    }

    @Override
    public LockResult setCode(CodeGrant grant) {
        return new LockResult.Refused(NO_KEYPAD);
    }

    @Override
    public LockResult revokeCode(LockId lock, CodeSlot slot) {
        return new LockResult.Refused(NO_KEYPAD);
    }

    @Override
    public LockResult unlock(LockId lock) {
        byte[] on = TasmotaCode.ON.name().getBytes(StandardCharsets.US_ASCII);
        return acknowledgements.command(lock, "unlock", () -> broker.publish(config.commandTopic(lock), on, 1, false),
                state -> state == TasmotaCode.ON ? Optional.of(new LockResult.Done()) : Optional.empty());
    }

    @Override
    public Registration onReport(Consumer<LockReport> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        subscription.remove();
        acknowledgements.abandon("the lock adapter was closed");
    }

    private void arrived(String topic, byte[] payload, boolean retained) {
        String[] levels = topic.split("/");
        if (levels.length != 3) {
            return;
        }
        Optional<TasmotaCode> state = TasmotaCode.of(new String(payload, StandardCharsets.US_ASCII));
        if (state.isEmpty()) {
            log.debug("ignoring {} on {}", new String(payload, StandardCharsets.US_ASCII), topic);
            return;
        }
        LockId lock;
        try {
            lock = new LockId(levels[1]);
        } catch (IllegalArgumentException e) {
            return;
        }
        LockReport report = new LockReport(lock, state.get() == TasmotaCode.ON ? LockState.UNLOCKED : LockState.LOCKED,
                OptionalInt.empty(), clock.instant());
        for (Consumer<LockReport> listener : listeners) {
            try {
                listener.accept(report);
            } catch (RuntimeException e) {
                log.warn("lock {}: a report listener failed: {}", lock, e.toString());
            }
        }
        if (!retained) {
            acknowledgements.offer(lock, state.get());
        }
    }
}
