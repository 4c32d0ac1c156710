package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.Command;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.LibraryScene;
import fi.suoja.server.OwnBroker;
import fi.suoja.server.TestBroker;
import fi.suoja.server.broker.DeviceChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wipe of many while the broker is gone: the request is answered and its jobs are durable,
 * each noting that the broker could not be reached, and when their lease runs out after the
 * broker is back, the commands go out and the laptops become READY only after their verified
 * wipes. With a real broker of this class's own, so that stopping it touches no other test.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WipeManyBrokerOutageTest extends LibraryScene implements TestPropertyProvider {

    private final OwnBroker broker = new OwnBroker("the outage test's broker port");
    private final List<FakeAgent> agents = new ArrayList<>();

    @Inject
    DeviceChannel channel;

    @Inject
    WipeJobs wipeJobs;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestBroker.serverProperties(TestBroker.newTopicRoot()));
        properties.put("suoja.mqtt.url", broker.url());
        return properties;
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(FakeAgent::close);
        agents.clear();
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    void a_wipe_of_many_while_the_broker_is_gone_is_kept_and_sent_when_its_lease_runs_out() {
        Eventually.until("the broker link", () -> channel.connected(), up -> up, Duration.ofSeconds(30));
        List<FakeAgent> laptops = List.of(readyLaptop(), readyLaptop(), readyLaptop());
        List<String> ids = laptops.stream().map(a -> a.id.value()).toList();

        broker.stop();
        Eventually.until("the link to drop", () -> channel.connected(), up -> !up, Duration.ofSeconds(30));
        for (String id : ids) {
            // As after a crash: no will said otherwise, so a wipe is for laptops the server believes online.
            assertThat(device(id).get("online")).as(id + " online in the server's eyes").isEqualTo(true);
        }
        List<Map<String, Object>> answered = expect(200, api.post("/api/v1/devices/wipe", staff, Map.of("devices", ids))).list();

        // Answered, and durable: each laptop has its job holding try 1 with why it did not go out.
        assertThat(answered).extracting(d -> d.get("id")).containsExactlyElementsOf(ids);
        Instant firstLeaseEnds = Instant.MAX;
        Instant lastLeaseEnds = Instant.MIN;
        for (String id : ids) {
            Api.Answer device = device(id);
            assertThat(device.string("state")).isEqualTo("WIPING");
            Map<String, Object> job = DeviceScenarios.wipe(device);
            assertThat(job.get("attempts")).isEqualTo(1);
            assertThat((String) job.get("lastError")).contains("broker could not be reached");
            Instant next = Instant.parse((String) job.get("nextAttemptAt"));
            firstLeaseEnds = next.isBefore(firstLeaseEnds) ? next : firstLeaseEnds;
            lastLeaseEnds = next.isAfter(lastLeaseEnds) ? next : lastLeaseEnds;
        }
        assertThat(api.post("/api/v1/devices/hand-out", staff, Map.of("tag", device(ids.get(0)).string("tag"),
                "walkInUntil", clock.instant().plus(Duration.ofHours(1)).toString())).status()).isEqualTo(409);

        broker.start();
        Eventually.until("the link to come back", () -> channel.connected(), up -> up, Duration.ofSeconds(60));
        laptops.forEach(agent -> agent.connect(2)); // back on the network, without a HELLO to hurry the wipe
        // Before the lease runs out nothing is sent; when it does, try 2 goes out and is answered.
        clock.set(firstLeaseEnds.minusSeconds(1));
        wipeJobs.runDue();
        for (String id : ids) {
            assertThat(DeviceScenarios.wipe(device(id)).get("attempts")).as(id).isEqualTo(1);
        }
        clock.set(lastLeaseEnds);
        wipeJobs.runDue();
        for (FakeAgent agent : laptops) {
            String id = agent.id.value();
            Eventually.until(id + " READY", () -> device(id), d -> "READY".equals(d.string("state")), Duration.ofSeconds(20));
            Command second = agent.commandsOf(CommandType.WIPE).get(1);
            assertThat(second.id()).endsWith("-2");
            List<Map<String, Object>> reports = expect(200, api.get("/api/v1/devices/" + id + "/wipe-reports", staff)).list();
            assertThat(reports).extracting(r -> r.get("jobId")).contains(second.param("jobId"));
        }
    }

    private FakeAgent readyLaptop() {
        Api.Answer registered = expect(201, api.post("/api/v1/devices", admin,
                Map.of("tag", "OUT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "kind", "LAPTOP", "siteId", siteId)));
        // Without a will: the outage is a broker crash, which publishes none (see FakeAgent.withoutWill).
        FakeAgent agent = new FakeAgent(registered.string("agentConfig"), broker.url(), clock).withoutWill();
        agents.add(agent);
        agent.connect(1);
        agent.hello();
        String id = agent.id.value();
        Eventually.until(id + " READY", () -> device(id), d -> "READY".equals(d.string("state")), Duration.ofSeconds(20));
        return agent;
    }

    private Api.Answer device(String id) {
        return expect(200, api.get("/api/v1/devices/" + id, staff));
    }
}
