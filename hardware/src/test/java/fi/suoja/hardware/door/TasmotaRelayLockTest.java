package fi.suoja.hardware.door;

import fi.suoja.hardware.broker.BrokerConnection;
import fi.suoja.hardware.broker.BrokerException;
import fi.suoja.hardware.broker.InMemoryBroker;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class TasmotaRelayLockTest {

    private static final LockId STRIKE = new LockId("room-2-strike");
    private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");

    private final InMemoryBroker broker = new InMemoryBroker();
    private final List<String> commands = new ArrayList<>();
    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final TasmotaRelayLock lock;

    TasmotaRelayLockTest() throws BrokerException {
        BrokerConnection tasmota = broker.connect();
        tasmota.subscribe("cmnd/room-2-strike/POWER1", 1, (topic, payload, retained) -> {
            String command = new String(payload, StandardCharsets.US_ASCII);
            commands.add(topic + " " + command);
            if (answering.get()) {
                try {
                    tasmota.publish("stat/room-2-strike/POWER1", command.getBytes(StandardCharsets.US_ASCII), 0, false);
                } catch (BrokerException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        lock = new TasmotaRelayLock(broker.connect(), new TasmotaRelayLockConfig(1, Duration.ofMillis(100), 2),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void unlocking_switches_the_relay_on_and_is_done_when_tasmota_reports_it_on() {
        List<LockReport> reports = new ArrayList<>();
        lock.onReport(reports::add);

        assertThat(lock.unlock(STRIKE)).isEqualTo(new LockResult.Done());

        assertThat(commands).containsExactly("cmnd/room-2-strike/POWER1 ON");
        assertThat(reports).containsExactly(new LockReport(STRIKE, LockState.UNLOCKED, OptionalInt.empty(), NOW));
    }

    @Test
    void a_silent_relay_is_asked_again_then_the_answer_is_no_answer() {
        answering.set(false);

        assertThat(lock.unlock(STRIKE)).isInstanceOfSatisfying(LockResult.NoAnswer.class,
                noAnswer -> assertThat(noAnswer.attempts()).isEqualTo(2));
        assertThat(commands).hasSize(2);
    }

    @Test
    void a_relay_has_no_keypad_so_codes_are_refused_with_the_reason() {
        CodeGrant grant = new CodeGrant(STRIKE, new CodeSlot(1), "K7M", new DoorCode("1234"), NOW, NOW.plusSeconds(60));

        assertThat(lock.setCode(grant)).isEqualTo(new LockResult.Refused(TasmotaRelayLock.NO_KEYPAD));
        assertThat(lock.revokeCode(STRIKE, new CodeSlot(1))).isEqualTo(new LockResult.Refused(TasmotaRelayLock.NO_KEYPAD));
        assertThat(commands).isEmpty();
    }
}
