package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.CommandSigner;
import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.Event;
import fi.suoja.server.db.Tx;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether the server believes what an agent reports, before it counts for anything.
 *
 * <p><b>Signed:</b> every status and event must carry the HMAC of its canonical text with the
 * device's own key, which only the server and the device have. Anything else (an agent older than
 * signed reports, a program on a broker without ACLs) is refused through {@link Refusals}.
 *
 * <p><b>Session identity:</b> an epoch plus a counter. Within the device's current epoch a
 * message of a smaller counter is stale (an earlier connection's Last Will) and changes no
 * connectivity. A message of another epoch (a reimaged laptop, a lost state folder) begins a new
 * epoch if it is signed, dated within {@link #NEW_EPOCH_CLOCK_LIMIT} of the server's clock, and
 * dated after the first message of the current epoch (so a replayed message of an older epoch
 * cannot take it back). Staff can make the server forget the identity ({@link #forget}).
 *
 * <p><b>Heartbeats:</b> a status that says what the device's row already says (online, the same
 * epoch and session, state, battery, disk, version and system, and the device not unheard) only
 * moves its last-seen time; that is left to {@link LastSeenBatch}, written within a second with the
 * same guard. It is checked like every status (signed with the device's key, of its epoch) first.
 */
@Singleton
class AgentReports {

    /** How far from the server's clock the first message of a new epoch may be dated. */
    static final Duration NEW_EPOCH_CLOCK_LIMIT = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(AgentReports.class);

    private final DeviceRepository devices;
    private final DeviceKeys keys;
    private final LastSeenBatch lastSeen;
    private final Refusals refusals;
    private final Tx tx;
    private final Clock clock;

    AgentReports(DeviceRepository devices, DeviceKeys keys, LastSeenBatch lastSeen, Refusals refusals, Tx tx, Clock clock) {
        this.devices = devices;
        this.keys = keys;
        this.lastSeen = lastSeen;
        this.refusals = refusals;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Records the status if it is signed and of the device's session; returns whether it changed
     * anything but the last-seen time (which a heartbeat moves within a second, see {@link LastSeenBatch}).
     */
    boolean status(Device device, DeviceStatus status) {
        if (!signed(device, status.signature(), signer(device).verify(status), "status", status.epoch())) {
            return false;
        }
        Instant now = clock.instant();
        String agentState = status.state().name();
        if (heartbeat(device, status)) {
            lastSeen.heard(device.id(), status.epoch(), status.session(), now);
            return false;
        }
        if (status.epoch().equals(device.agentEpoch())) {
            int rows = tx.run(() -> devices.status(device.id(), status.epoch(), status.online(), status.session(), now,
                    status.batteryPercent(), status.freeDiskBytes(), clip(status.agentVersion(), 60), clip(status.os(), 100),
                    agentState));
            if (rows == 1) {
                return true;
            }
            if (status.online()) {
                // A Last Will of an earlier connection is offline; a live connection with an older counter
                // is not: a state folder restored from a copy, or two laptops with one configuration.
                refusals.refuse(device.id(), RefusalKind.STALE_SESSION, "An online status of an earlier session ("
                        + status.session() + ", the server has heard " + device.sessionCounter() + " in this epoch): the "
                        + "laptop's state may have been restored from a copy, or two laptops share one configuration. "
                        + "Check the laptop, then have the server hear it again.");
            } else {
                LOG.info("Device {}: ignoring a stale status of session {} (current {})", device.id(), status.session(),
                        device.sessionCounter());
            }
            return false;
        }
        if (!fresh(device, status.epoch(), status.at(), now)) {
            return false;
        }
        int rows = tx.run(() -> devices.statusOfNewEpoch(device.id(), status.epoch(), status.at(), status.online(),
                status.session(), now, status.batteryPercent(), status.freeDiskBytes(), clip(status.agentVersion(), 60),
                clip(status.os(), 100), agentState));
        return newEpoch(device, status.epoch(), status.at(), rows);
    }

    /**
     * Whether the event is the device's own (signed with its key); if so, its session identity is
     * recorded as for a status. An authentic event counts even when its identity is stale: an
     * answer sent before a reconnect is still the device's answer.
     */
    boolean event(Device device, Event event) {
        if (!signed(device, event.signature(), signer(device).verify(event), event.type() + " event", event.epoch())) {
            return false;
        }
        Instant now = clock.instant();
        if (event.epoch().equals(device.agentEpoch())) {
            tx.run(() -> devices.seen(device.id(), event.epoch(), event.session(), now));
        } else if (fresh(device, event.epoch(), event.at(), now)) {
            newEpoch(device, event.epoch(), event.at(),
                    tx.run(() -> devices.seenInNewEpoch(device.id(), event.epoch(), event.at(), event.session(), now)));
        }
        return true;
    }

    /** Staff: the next signed message of the agent is heard whatever its epoch and counter. */
    void forget(Device device) {
        tx.run(() -> devices.forgetSession(device.id()));
        LOG.info("Device {}: session tracking reset by staff (was epoch {}, session {}; {} refused messages)", device.id(),
                device.agentEpoch(), device.sessionCounter(), device.refusedMessages());
    }

    private boolean signed(Device device, String signature, boolean verified, String what, String epoch) {
        if (signature == null || signature.isEmpty()) {
            refusals.refuse(device.id(), RefusalKind.UNSIGNED, "An unsigned " + what + ". The agent is older than "
                    + "signed reports or is not Suoja's: update the agent on the laptop.");
            return false;
        }
        if (!verified) {
            refusals.refuse(device.id(), RefusalKind.BAD_SIGNATURE, "A " + what + " whose signature is not this "
                    + "device's key: forged, or the laptop has another device's configuration.");
            return false;
        }
        if (epoch == null) {
            refusals.refuse(device.id(), RefusalKind.MALFORMED, "A " + what + " without a session epoch.");
            return false;
        }
        return true;
    }

    private boolean fresh(Device device, String epoch, Instant sentAt, Instant now) {
        Duration off = Duration.between(now, sentAt).abs();
        if (off.compareTo(NEW_EPOCH_CLOCK_LIMIT) > 0) {
            refusals.refuse(device.id(), RefusalKind.CLOCK, "A new session epoch " + epoch + " from a message dated "
                    + sentAt + ", " + off.toMinutes() + " minutes from the server's clock: set the laptop's clock right.");
            return false;
        }
        return true;
    }

    private boolean newEpoch(Device device, String epoch, Instant sentAt, int rows) {
        if (rows == 1) {
            LOG.info("Device {}: new session epoch {} (was {}): a new agent, or one whose state was lost", device.id(),
                    epoch, device.agentEpoch());
            return true;
        }
        LOG.info("Device {}: ignoring a message of epoch {} dated {}: older than the current epoch", device.id(), epoch,
                sentAt);
        return false;
    }

    /**
     * Whether the status says what the row already says, so that it can only move the last-seen
     * time: the row's epoch and the very session counter (a smaller one is stale, a larger one a new
     * connection), online in both, the same state (its {@code agent_state_at} keeps the time the
     * state was last written, i.e. first said in this run of heartbeats) and readings, and the
     * device not unheard (the status that makes it heard again is written and announced at once).
     */
    private static boolean heartbeat(Device device, DeviceStatus status) {
        return status.online() && device.online() && !device.unheard()
                && status.epoch().equals(device.agentEpoch()) && status.session() == device.sessionCounter()
                && status.state().name().equals(device.agentState())
                && Objects.equals(status.batteryPercent(), device.batteryPercent())
                && Objects.equals(status.freeDiskBytes(), device.freeDiskBytes())
                && Objects.equals(clip(status.agentVersion(), 60), device.agentVersion())
                && Objects.equals(clip(status.os(), 100), device.os());
    }

    private CommandSigner signer(Device device) {
        return keys.signer(device);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
