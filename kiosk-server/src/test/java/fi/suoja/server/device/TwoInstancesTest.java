package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.MutableClock;
import fi.suoja.server.TestBroker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server instances on one database and one broker share the fleet: every wipe try is claimed
 * by one of them, so the agent gets each try once, and the result is applied once.
 */
class TwoInstancesTest {

    @TempDir
    Path dir;

    private final String topicRoot = TestBroker.newTopicRoot();

    /** The datasource both instances share. */
    Map<String, String> database() {
        // The same H2 file opened twice in one JVM is one database, as PostgreSQL would be for two machines.
        return Map.of("datasources.default.url", "jdbc:h2:file:" + dir.resolve("shared") + ";DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000");
    }

    private EmbeddedServer start() {
        Map<String, Object> properties = new HashMap<>(TestBroker.serverProperties(topicRoot));
        properties.put("micronaut.server.port", -1);
        properties.putAll(database());
        properties.put("suoja.fleet.wipe-max-attempts", 10);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        server.getApplicationContext().getBean(MutableClock.class).set(Instant.parse("2026-11-24T08:00:00Z"));
        return server;
    }

    @Test
    void two_instances_send_each_wipe_try_once_and_apply_the_result_once() throws Exception {
        try (EmbeddedServer one = start(); EmbeddedServer two = start()) {
            Api api = new Api(one);
            String admin = api.loginAdmin();
            long site = api.createSite(admin, "Shared library", Api.rules());
            Api.Answer registered = expect(201, api.post("/api/v1/devices", admin, Map.of("tag", "LAP-S1", "kind", "LAPTOP", "siteId", site)));
            MutableClock clockOne = one.getApplicationContext().getBean(MutableClock.class);
            MutableClock clockTwo = two.getApplicationContext().getBean(MutableClock.class);
            try (FakeAgent agent = new FakeAgent(registered.string("agentConfig"), TestBroker.url(), clockOne)) {
                agent.mode = FakeAgent.Mode.SILENT;
                String id = agent.id.value();
                agent.connect(1);
                Api apiTwo = new Api(two);
                Eventually.until("both instances to see the device online", () -> expect(200, apiTwo.get("/api/v1/devices/" + id, admin)),
                        d -> Boolean.TRUE.equals(d.get("online")));
                agent.hello();
                Eventually.until("the first try", () -> agent.commandsOf(CommandType.WIPE).size(), n -> n == 1);

                WipeJobs jobsOne = one.getApplicationContext().getBean(WipeJobs.class);
                WipeJobs jobsTwo = two.getApplicationContext().getBean(WipeJobs.class);
                for (int round = 2; round <= 5; round++) {
                    clockOne.advance(Duration.ofMinutes(40));
                    clockTwo.set(clockOne.instant());
                    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(jobsOne::runDue);
                    CompletableFuture<Integer> b = CompletableFuture.supplyAsync(jobsTwo::runDue);
                    assertThat(a.get() + b.get()).as("round %d", round).isEqualTo(1);
                    int expected = round;
                    Eventually.until("try " + round, () -> agent.commandsOf(CommandType.WIPE).size(), n -> n == expected);
                }
                agent.answerWipe(agent.commandsOf(CommandType.WIPE).get(4), true);
                Eventually.until("READY", () -> expect(200, api.get("/api/v1/devices/" + id, admin)), d -> "READY".equals(d.string("state")));
                assertThat(jobsOne.runDue() + jobsTwo.runDue()).as("nothing is due after READY").isZero();
                // no sixth WIPE on its way either: the count stays at five for a while
                await("no WIPE after READY").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                        .until(() -> agent.commandsOf(CommandType.WIPE).size() == 5);
                assertThat(expect(200, apiTwo.get("/api/v1/devices/" + id + "/wipe-reports", admin)).list()).hasSize(1);
            }
        }
    }
}
