package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.Event;
import fi.suoja.server.db.Tx;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What agents say, once {@link AgentMessages} has read it: statuses, events (HELLO, acknowledgements,
 * wipe results, refusals) checked by {@link AgentReports}, and messages refused before that.
 */
@Singleton
class AgentInbox {

    private static final Logger LOG = LoggerFactory.getLogger(AgentInbox.class);

    private final DeviceRepository devices;
    private final WipeJobs wipes;
    private final AgentReports reports;
    private final Refusals refusals;
    private final Loans loans;
    private final FleetLookup lookup;
    private final Tx tx;

    AgentInbox(DeviceRepository devices, WipeJobs wipes, AgentReports reports, Refusals refusals, Loans loans,
               FleetLookup lookup, Tx tx) {
        this.devices = devices;
        this.wipes = wipes;
        this.reports = reports;
        this.refusals = refusals;
        this.loans = loans;
        this.lookup = lookup;
        this.tx = tx;
    }

    /**
     * A status: one read of the device, then {@link AgentReports#status} (a heartbeat that changes
     * nothing but the last-seen time is batched there, not written, and not announced).
     */
    void statusArrived(DeviceStatus status) {
        Optional<Device> before = tx.read(() -> devices.findById(status.deviceId()));
        if (before.isEmpty() || !before.get().kind().hasAgent()) {
            LOG.warn("Ignoring a status of unknown device {}", status.deviceId());
            return;
        }
        if (reports.status(before.get(), status)) {
            // Coming online sends nothing by itself: the agent's HELLO right after asks for what is open,
            // and the scheduler sends due tries to online devices should a HELLO be lost.
            lookup.announce(status.deviceId());
        }
    }

    void eventArrived(Event event) {
        Optional<Device> found = tx.run(() -> devices.findById(event.deviceId()));
        if (found.isEmpty() || !found.get().kind().hasAgent()) {
            LOG.warn("Ignoring a {} event of unknown device {}", event.type(), event.deviceId());
            return;
        }
        Device device = found.get();
        if (!reports.event(device, event)) {
            return;
        }
        switch (event.type()) {
            case HELLO -> hello(device);
            case ACK -> wipes.acknowledged(device, event.commandId());
            case PROGRESS -> LOG.debug("Device {}: {}", device.id(), event.detail());
            case RESULT -> {
                if (event.wipe() != null) {
                    wipes.result(device.id(), event.commandId(), event.wipe());
                } else {
                    LOG.info("Device {}: command {} done: {}", device.id(), event.commandId(), event.detail());
                }
            }
            case REJECTED -> {
                LOG.warn("Device {} refused command {}: {}", device.id(), event.commandId(), event.detail());
                wipes.rejected(device, event.commandId(), event.detail() == null ? "no reason given" : event.detail());
            }
        }
        if (tx.run(() -> devices.findById(device.id()).map(Device::online).orElse(false)) != device.online()
                || device.unheard()) {
            lookup.announce(device.id());
        }
    }

    /** A message on a device's topics that could not be read, or that named another device. */
    void messageRefused(String deviceId, RefusalKind kind, String reason) {
        refusals.refuse(deviceId, kind, reason);
    }


    /** The agent asks for what is still open for it: the running loan's session and the open wipe. */
    private void hello(Device device) {
        LOG.info("Device {}: HELLO", device.id());
        loans.resendSession(device);
        wipes.send(device.id(), true);
    }
}
