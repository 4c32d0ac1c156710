package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.AgentState;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.Wire;
import fi.suoja.server.Api;
import fi.suoja.server.LibraryScene;
import fi.suoja.server.TestBroker;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Defence in depth behind the wipe guarantee: a laptop whose agent last said it is in a guest
 * session, wiping or dirty is not handed out even when the server's row says READY (a write lost
 * in a crash, a bug), and the refusal changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirtyLaptopHandOutTest extends LibraryScene implements TestPropertyProvider {

    private final String topicRoot = TestBroker.newTopicRoot();

    private long roomId;
    private FakeAgent agent;

    @Override
    public Map<String, String> getProperties() {
        return TestBroker.serverProperties(topicRoot);
    }

    @BeforeEach
    void roomA() {
        roomId = api.createRoom(admin, siteId, "Room A", "08:00", "20:00");
    }

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void a_ready_laptop_whose_agent_last_reported_a_guest_session_or_dirt_is_not_handed_out_and_nothing_changes() {
        String tag = readyLaptop();
        String code = book();

        for (AgentState unclean : new AgentState[] {AgentState.IN_SESSION, AgentState.DIRTY, AgentState.WIPING}) {
            report(true, unclean, 50);
            Api.Answer before = device(tag);
            assertThat(before.string("state")).isEqualTo("READY");

            Api.Answer refused = handOut(tag, code);

            assertThat(refused.status()).as(unclean.name()).isEqualTo(409);
            assertThat(refused.problem()).isEqualTo("urn:suoja:problem:device-not-clean");
            assertThat(refused.string("state")).isEqualTo(unclean.name());
            Api.Answer after = device(tag);
            assertThat(after.string("state")).isEqualTo("READY");
            assertThat(after.get("loan")).isNull();
            assertThat(after.string("stateChangedAt")).isEqualTo(before.string("stateChangedAt"));
        }
        assertThat(agent.commandsOf(CommandType.START_SESSION)).isEmpty();

        // the agent says it is clean again: the same hand-out goes through
        report(true, AgentState.IDLE, 51);
        expect(200, handOut(tag, code));
        await().atMost(Duration.ofSeconds(15)).until(() -> !agent.commandsOf(CommandType.START_SESSION).isEmpty());
    }

    @Test
    void an_offline_status_cannot_make_the_agent_cleaner_than_it_last_said() {
        String tag = readyLaptop();
        report(true, AgentState.IN_SESSION, 60);
        // A Last Will carries the state of when the agent connected: IDLE, while it was in a session since.
        report(false, AgentState.IDLE, 61);

        assertThat(device(tag).string("agentState")).isEqualTo("IN_SESSION");
        assertThat(handOut(tag, book()).problem()).isEqualTo("urn:suoja:problem:device-not-clean");
    }

    private String readyLaptop() {
        String tag = "TAG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Answer registered = expect(201, api.post("/api/v1/devices", admin, Map.of("tag", tag, "kind", "LAPTOP", "siteId", siteId)));
        agent = new FakeAgent(registered.string("agentConfig"), TestBroker.url(), clock);
        agent.mode = FakeAgent.Mode.VERIFIED;
        agent.connect(1);
        agent.hello();
        await("the first verified wipe").atMost(Duration.ofSeconds(15)).until(() -> "READY".equals(device(tag).string("state")));
        return tag;
    }

    /** A signed status of the agent, waited for by its battery level (a marker the server stores). */
    private void report(boolean online, AgentState state, int battery) {
        agent.publish(agent.topics.status(agent.id), Wire.encode(agent.status(online, state, battery)), true);
        await("the status " + state).atMost(Duration.ofSeconds(15)).until(() -> {
            Object seen = device(agent.id.value()).get("batteryPercent");
            return seen != null && ((Number) seen).intValue() == battery;
        });
    }

    private String book() {
        return expect(201, api.post("/api/v1/bookings", kiosk,
                Map.of("roomId", roomId, "start", clock.instant().toString(), "minutes", 30))).string("code");
    }

    private Api.Answer device(String idOrTag) {
        return expect(200, api.get("/api/v1/devices/" + idOrTag, staff));
    }

    private Api.Answer handOut(String tag, String code) {
        return api.post("/api/v1/devices/hand-out", staff, Map.of("tag", tag, "bookingCode", code));
    }
}
