package fi.suoja.hardware.door;

import fi.suoja.hardware.Registration;
import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.BrokerException;
import fi.suoja.hardware.mqtt.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keypad locks paired with Zigbee2MQTT. Commands go to {@code <base>/<friendly name>/set}:
 * <ul>
 *   <li>set a code: {@code {"pin_code":{"user":3,"user_type":"unrestricted","user_enabled":true,"pin_code":"482913"}}}</li>
 *   <li>revoke it: {@code {"pin_code":{"user":3,"pin_code":null}}}</li>
 *   <li>unlock: {@code {"state":"UNLOCK"}}</li>
 * </ul>
 * Zigbee2MQTT answers on the device topic {@code <base>/<friendly name>}: after a code change it
 * reads the slot back and publishes {@code {"users":{"3":{"status":"enabled"}}}} ("available" once
 * emptied); some locks also send a programming event ({@code "action":"pin_code_added","action_user":3});
 * after an unlock the state becomes {@code "state":"UNLOCK"} / {@code "lock_state":"unlocked"}.
 * Such a report, arriving after the command, is its acknowledgement. A failure Zigbee2MQTT logs on
 * {@code <base>/bridge/logging} for this lock is a refusal. Without either within the timeout
 * the command is sent again, as often as configured. Battery and bolt state in any device
 * message go to the report listeners.
 *
 * <p>When someone opens the door with a code on the lock's keypad, the lock's operation event
 * reaches Zigbee2MQTT, which publishes {@code {"action":"unlock","action_source_name":"keypad","action_user":3}}
 * (some vendors' converters: {@code {"action":"keypad_unlock","action_user":3}}) on the device
 * topic; the listeners get a report with that slot. Only a fresh message counts: a state the
 * broker retained is old, and with {@code last_seen} in the messages a keypad event is taken once
 * (a message whose {@code last_seen} is not later than the lock's last keypad event is a repeat).
 *
 * <p>A Zigbee lock has no time windows: a code set here opens the door until it is revoked. The
 * caller sets it when the booking starts and revokes it when the booking ends (see {@link DoorLock}).
 * Commands block the calling thread for at most attempts × answer timeout; a caller should
 * send one command at a time to each lock, as the lock answers them in turn.
 */
public final class Zigbee2MqttLock implements DoorLock, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Zigbee2MqttLock.class);

    private final BrokerConnection broker;
    private final Zigbee2MqttLockConfig config;
    private final Clock clock;
    private final Acknowledgements<Z2mWire.DeviceState> acknowledgements;
    private final List<Consumer<LockReport>> listeners = new CopyOnWriteArrayList<>();
    /** Per lock, the {@code last_seen} of the last keypad event taken: an event not later than it is a repeat. */
    private final Map<LockId, Instant> lastKeypadEvent = new ConcurrentHashMap<>();
    private final Registration subscription;

    public Zigbee2MqttLock(BrokerConnection broker, Zigbee2MqttLockConfig config, Clock clock) throws BrokerException {
        this.broker = broker;
        this.config = config;
        this.clock = clock;
        this.acknowledgements = new Acknowledgements<>(config.answerTimeout(), config.attempts());
        this.subscription = broker.subscribe(config.baseTopic() + "/#", 1, this::arrived);
    }

    @Override
    public LockResult setCode(CodeGrant grant) {
        String slot = Integer.toString(grant.slot().number());
        return command(grant.lock(), "set code in slot " + slot + " for " + grant.reference(),
                new Z2mWire.SetPinCode(Z2mWire.PinCode.set(grant.slot(), grant.code())), state -> {
                    if (Z2mCode.PIN_CODE_ADDED.is(state.action()) && Integer.valueOf(grant.slot().number()).equals(state.actionUser())) {
                        return Optional.of(new LockResult.Done());
                    }
                    Z2mWire.User user = state.users() == null ? null : state.users().get(slot);
                    if (user == null) {
                        return Optional.empty();
                    }
                    if (Z2mCode.USER_ENABLED.is(user.status())) {
                        // With expose_pin on, a slot still holding an older code is not yet our answer.
                        return user.pinCode() == null || user.pinCode().equals(grant.code().digits())
                                ? Optional.of(new LockResult.Done()) : Optional.empty();
                    }
                    if (Z2mCode.USER_AVAILABLE.is(user.status())) {
                        return Optional.empty();
                    }
                    return Optional.of(new LockResult.Refused("the lock reports slot " + slot + " as " + user.status()));
                });
    }

    @Override
    public LockResult revokeCode(LockId lock, CodeSlot slot) {
        String number = Integer.toString(slot.number());
        return command(lock, "revoke the code in slot " + number,
                new Z2mWire.SetPinCode(Z2mWire.PinCode.clear(slot)), state -> {
                    if (Z2mCode.PIN_CODE_DELETED.is(state.action()) && Integer.valueOf(slot.number()).equals(state.actionUser())) {
                        return Optional.of(new LockResult.Done());
                    }
                    Z2mWire.User user = state.users() == null ? null : state.users().get(number);
                    return user != null && Z2mCode.USER_AVAILABLE.is(user.status())
                            ? Optional.of(new LockResult.Done()) : Optional.empty();
                });
    }

    @Override
    public LockResult unlock(LockId lock) {
        return command(lock, "unlock", new Z2mWire.SetState(Z2mCode.UNLOCK.wire()), state ->
                Z2mCode.UNLOCK.is(state.state()) || Z2mCode.UNLOCKED.is(state.lockState())
                        ? Optional.of(new LockResult.Done()) : Optional.empty());
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

    private LockResult command(LockId lock, String what, Object message,
                               Function<Z2mWire.DeviceState, Optional<LockResult>> check) {
        byte[] payload = Wire.encode(message);
        return acknowledgements.command(lock, what, () -> broker.publish(config.setTopic(lock), payload, 1, false), check);
    }

    private void arrived(String topic, byte[] payload, boolean retained) {
        if (topic.equals(config.loggingTopic())) {
            if (!retained) {
                refuseFromLog(payload);
            }
            return;
        }
        String prefix = config.baseTopic() + "/";
        String name = topic.substring(prefix.length());
        if (name.startsWith("bridge/") || name.endsWith("/set") || name.endsWith("/get") || name.endsWith("/availability")) {
            return;
        }
        LockId lock;
        Z2mWire.DeviceState state;
        try {
            lock = new LockId(name);
            state = Wire.decode(payload, Z2mWire.DeviceState.class);
        } catch (IllegalArgumentException | Wire.MalformedMessage e) {
            log.debug("ignoring a message on {}: {}", topic, e.getMessage());
            return;
        }
        // an old state kept by the broker confirms nothing sent now, and tells of no one at the keypad now
        report(lock, state, retained ? Optional.empty() : freshKeypadSlot(lock, state));
        if (retained) {
            return;
        }
        acknowledgements.offer(lock, state);
    }

    private void report(LockId lock, Z2mWire.DeviceState state, Optional<CodeSlot> keypadSlot) {
        LockState bolt = lockState(state);
        boolean hasBattery = state.battery() != null && state.battery() >= 0 && state.battery() <= 100;
        if (bolt == LockState.UNKNOWN && !hasBattery && keypadSlot.isEmpty()) {
            return;
        }
        LockReport report = new LockReport(lock, bolt,
                hasBattery ? OptionalInt.of(state.battery()) : OptionalInt.empty(), clock.instant(), keypadSlot);
        for (Consumer<LockReport> listener : listeners) {
            try {
                listener.accept(report);
            } catch (RuntimeException e) {
                log.warn("lock {}: a report listener failed: {}", lock, e.toString());
            }
        }
    }

    /** The slot of a keypad opening in the message, unless it repeats one taken already. */
    private Optional<CodeSlot> freshKeypadSlot(LockId lock, Z2mWire.DeviceState state) {
        Optional<CodeSlot> slot = keypadSlot(state);
        Optional<Instant> seen = lastSeen(state.lastSeen());
        if (slot.isEmpty() || seen.isEmpty()) {
            return slot;
        }
        boolean[] later = new boolean[1];
        lastKeypadEvent.compute(lock, (id, before) -> {
            later[0] = before == null || seen.get().isAfter(before);
            return later[0] ? seen.get() : before;
        });
        if (!later[0]) {
            log.info("lock {}: a keypad event of {} came again; taken once", lock, seen.get());
            return Optional.empty();
        }
        return slot;
    }

    /** The user slot whose code opened the lock on its keypad, if the message tells of that. */
    static Optional<CodeSlot> keypadSlot(Z2mWire.DeviceState state) {
        boolean keypad = Z2mCode.KEYPAD_UNLOCK.is(state.action())
                || (Z2mCode.ACTION_UNLOCK.is(state.action()) && Z2mCode.KEYPAD.is(state.actionSourceName()));
        Integer user = state.actionUser();
        if (!keypad || user == null || user < 0 || user > CodeSlot.HIGHEST) {
            return Optional.empty();
        }
        return Optional.of(new CodeSlot(user));
    }

    /** Zigbee2MQTT's {@code last_seen}: ISO-8601 with an offset, or epoch milliseconds. */
    static Optional<Instant> lastSeen(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochMilli(Long.parseLong(value))
                    : OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static LockState lockState(Z2mWire.DeviceState state) {
        Optional<Z2mCode> code = Z2mCode.of(state.lockState()).or(() -> Z2mCode.of(state.state()));
        if (code.isEmpty()) {
            return LockState.UNKNOWN;
        }
        return switch (code.get()) {
            case LOCKED, LOCK -> LockState.LOCKED;
            case UNLOCKED, UNLOCK -> LockState.UNLOCKED;
            case NOT_FULLY_LOCKED -> LockState.NOT_FULLY_LOCKED;
            case USER_ENABLED, USER_AVAILABLE, USER_DISABLED, PIN_CODE_ADDED, PIN_CODE_DELETED, ACTION_UNLOCK, KEYPAD_UNLOCK,
                 KEYPAD, UNRESTRICTED -> LockState.UNKNOWN;
        };
    }

    /** Zigbee2MQTT logs "Publish 'set' 'pin_code' to 'room-2-door' failed: ..." when the lock said no. */
    private void refuseFromLog(byte[] payload) {
        Z2mWire.LogMessage entry;
        try {
            entry = Wire.decode(payload, Z2mWire.LogMessage.class);
        } catch (Wire.MalformedMessage e) {
            return;
        }
        if (!"error".equals(entry.level()) || entry.message() == null || !entry.message().contains("failed")) {
            return;
        }
        acknowledgements.refuse(lock -> entry.message().contains("'" + lock.value() + "'"), entry.message());
    }
}
