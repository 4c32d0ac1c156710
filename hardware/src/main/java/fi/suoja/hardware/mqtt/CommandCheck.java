package fi.suoja.hardware.mqtt;

import java.time.Instant;

/**
 * What an agent checks before acting on a command, apart from replays (which need the agent's
 * memory of done ids): addressed to it, signed with its key, issued not in the future beyond the
 * allowed clock skew, and not expired.
 */
public final class CommandCheck {

    /** The outcome of a check: accepted, or refused with a reason fit for a REJECTED event. */
    public sealed interface Verdict {
        record Accepted() implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    private final DeviceId device;
    private final CommandSigner signer;
    private final java.time.Duration allowedSkew;

    public CommandCheck(DeviceId device, CommandSigner signer, java.time.Duration allowedSkew) {
        this.device = device;
        this.signer = signer;
        this.allowedSkew = allowedSkew;
    }

    public Verdict check(Command command, Instant now) {
        if (!device.value().equals(command.deviceId())) {
            return new Verdict.Refused("addressed to another device: " + command.deviceId());
        }
        if (command.signature().isEmpty()) {
            return new Verdict.Refused("unsigned");
        }
        if (!signer.verify(command)) {
            return new Verdict.Refused("bad signature");
        }
        if (!now.isBefore(command.expiresAt())) {
            return new Verdict.Refused("expired at " + command.expiresAt());
        }
        if (command.issuedAt().isAfter(now.plus(allowedSkew))) {
            return new Verdict.Refused("issued in the future: " + command.issuedAt());
        }
        return new Verdict.Accepted();
    }
}
