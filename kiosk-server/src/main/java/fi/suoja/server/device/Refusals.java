package fi.suoja.server.device;

import fi.suoja.server.db.Tx;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the server refuses from a device: logged with the device id, counted (metric), and noted on
 * the device with its reason so that staff see a device the server cannot hear. A refusal changes
 * nothing else: not the lifecycle, not a job, not the session identity.
 */
@Singleton
class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private final DeviceRepository devices;
    private final FleetViews views;
    private final DeviceChanges changes;
    private final Tx tx;
    private final Clock clock;
    private final ApplicationEventPublisher<DeviceMessageRefused> published;

    Refusals(DeviceRepository devices, FleetViews views, DeviceChanges changes, Tx tx, Clock clock,
             ApplicationEventPublisher<DeviceMessageRefused> published) {
        this.devices = devices;
        this.views = views;
        this.changes = changes;
        this.tx = tx;
        this.clock = clock;
        this.published = published;
    }

    void refuse(String deviceId, RefusalKind kind, String reason) {
        LOG.warn("Device {}: refused a message ({}): {}", deviceId, kind, reason);
        Instant now = clock.instant();
        String clipped = reason.length() > Device.REFUSAL_MAX ? reason.substring(0, Device.REFUSAL_MAX - 1) + "…" : reason;
        Optional<Device> before = tx.run(() -> devices.findById(deviceId).filter(d -> devices.refused(d.id(), kind.name(), clipped, now) == 1));
        try {
            published.publishEvent(new DeviceMessageRefused(deviceId, kind));
        } catch (RuntimeException e) {
            // The refusal stands; a listener (metrics) must never undo or block it.
            LOG.error("A listener failed on a refusal for device {}", deviceId, e);
        }
        // Announced when the device turns unheard; a flood of forgeries must not flood the live view.
        if (before.isPresent() && !before.get().unheard()) {
            changes.emit(tx.run(() -> views.of(deviceId)));
        }
    }
}
