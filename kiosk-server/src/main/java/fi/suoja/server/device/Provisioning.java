package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.broker.DeviceChannel;
import fi.suoja.server.broker.MosquittoPassword;
import fi.suoja.server.broker.MqttConfig;
import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.site.SiteService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** New devices with their keys and broker accounts, and the broker's password and ACL files for the whole fleet. */
@Singleton
class Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);

    private final DeviceRepository devices;
    private final WipeJobs wipes;
    private final DeviceKeys keys;
    private final SiteService sites;
    private final Topics topics;
    private final String agentBrokerUrl;
    private final MqttConfig mqtt;
    private final FleetConfig config;
    private final FleetLookup lookup;
    private final RandomText random;
    private final Tx tx;
    private final AuditLog audit;
    private final Clock clock;

    Provisioning(DeviceRepository devices, WipeJobs wipes, DeviceKeys keys, SiteService sites, DeviceChannel channel,
                 MqttConfig mqtt, FleetConfig config, FleetLookup lookup, RandomText random, Tx tx, AuditLog audit, Clock clock) {
        this.devices = devices;
        this.wipes = wipes;
        this.keys = keys;
        this.sites = sites;
        this.topics = channel.topics();
        this.agentBrokerUrl = channel.agentBrokerUrl();
        this.mqtt = mqtt;
        this.config = config;
        this.lookup = lookup;
        this.random = random;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    Views.Provisioned register(String tag, DeviceKind kind, long siteId) {
        sites.get(siteId);
        Instant now = clock.instant();
        String id = kind.idPrefix() + "-" + random.of(12).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        String key = kind.hasAgent() ? keys.newKey() : null;
        String password = kind.hasAgent() ? random.of(32) : null;
        Device created = tx.run(() -> {
            if (devices.existsByTag(tag)) {
                throw new SuojaException(ProblemType.ALREADY_EXISTS, "A device with the tag " + tag + " exists already.");
            }
            Device device = devices.save(new Device(id, tag, kind, siteId, DeviceState.PROVISIONED,
                    kind.hasAgent() ? "New: waiting for the agent's first verified wipe." : "New: waiting for a staff check.",
                    now, key == null ? null : keys.seal(id, key), kind.hasAgent() ? id : null,
                    password == null ? null : MosquittoPassword.hash(password, random.source()),
                    false, 0, null, null, null, null, null, null, now, null, null, 0, null, null, null, null));
            wipes.open(device, now);
            audit.record(AuditAction.DEVICE_REGISTERED, siteId, Target.device(tag), null, kind.name());
            return device;
        });
        LOG.info("Device {} ({}, tag {}) provisioned for site {}", id, kind, tag, siteId);
        Views.DeviceView view = lookup.announce(id);
        if (!kind.hasAgent()) {
            return new Views.Provisioned(view, null, null, List.of(), List.of());
        }
        String agentConfig = BrokerFiles.agentConfig(created, password, key, new BrokerFiles.AgentSettings(
                agentBrokerUrl, topics.root(), config.wipeAreas(), config.agentStateDir(),
                config.heartbeatSeconds(), config.sessionKind(), config.guestUser()), now);
        return new Views.Provisioned(view, agentConfig, BrokerFiles.passwordLine(created),
                BrokerFiles.deviceAcl(created, topics), BrokerFiles.serverAcl(serverUser(), topics));
    }

    /** The password and ACL files for an external Mosquitto, with every agent device that is not retired. */
    Views.BrokerFilesView brokerFiles() {
        List<Device> all = tx.run(devices::findAllOrderByTag);
        StringBuilder passwords = new StringBuilder();
        StringBuilder acl = new StringBuilder("# Suoja fleet ACL, written by kiosk-server.\n");
        if (mqtt.username() != null && mqtt.password() != null && !mqtt.password().isEmpty()) {
            passwords.append(MosquittoPassword.line(mqtt.username(), MosquittoPassword.hash(mqtt.password(), random.source()))).append('\n');
        }
        acl.append(String.join("\n", BrokerFiles.serverAcl(serverUser(), topics))).append("\n\n");
        for (Device d : all) {
            if (!d.kind().hasAgent() || d.state() == DeviceState.RETIRED || d.brokerPasswordHash() == null) {
                continue;
            }
            passwords.append(BrokerFiles.passwordLine(d)).append('\n');
            acl.append(String.join("\n", BrokerFiles.deviceAcl(d, topics))).append("\n\n");
        }
        return new Views.BrokerFilesView(passwords.toString(), acl.toString());
    }

    private String serverUser() {
        return mqtt.username() == null || mqtt.username().isBlank() ? "suoja-server" : mqtt.username();
    }
}
