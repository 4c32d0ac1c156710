package fi.suoja.hardware.door;

import java.time.Duration;

/**
 * How to reach door strikes switched by a Tasmota relay. The lock id is the device's Tasmota
 * {@code Topic}; the default full topic {@code %prefix%/%topic%/} is assumed.
 *
 * @param relay         which relay: 0 for a single-relay device ({@code POWER}), 1 to 8 for {@code POWER1}…
 * @param answerTimeout how long to wait for {@code stat/<topic>/POWER<n>} after a command
 * @param attempts      how often the command is sent before the answer is {@link LockResult.NoAnswer}
 */
public record TasmotaRelayLockConfig(int relay, Duration answerTimeout, int attempts) {

    public TasmotaRelayLockConfig {
        if (relay < 0 || relay > 8) {
            throw new IllegalArgumentException("a Tasmota relay is 0 (single relay) or 1 to 8, not " + relay);
        }
        if (answerTimeout == null || answerTimeout.compareTo(Duration.ofMillis(50)) < 0
                || answerTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("the answer timeout is 50 ms to 1 minute, not " + answerTimeout);
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("a command is sent 1 to 10 times, not " + attempts);
        }
    }

    public static TasmotaRelayLockConfig defaults() {
        return new TasmotaRelayLockConfig(1, Duration.ofSeconds(3), 3);
    }

    String power() {
        return relay == 0 ? "POWER" : "POWER" + relay;
    }

    String commandTopic(LockId lock) {
        return "cmnd/" + lock.value() + "/" + power();
    }

    String stateTopic(LockId lock) {
        return "stat/" + lock.value() + "/" + power();
    }
}
