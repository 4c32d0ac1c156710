package fi.suoja.agent;

import fi.suoja.agent.state.PendingWipe;
import fi.suoja.agent.state.StateStore;
import fi.suoja.hardware.broker.TcpProxy;
import fi.suoja.hardware.mqtt.AgentState;
import fi.suoja.hardware.mqtt.Command;
import fi.suoja.hardware.mqtt.CommandSigner;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.Event;
import fi.suoja.hardware.mqtt.EventType;
import fi.suoja.hardware.mqtt.Wire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The agent against a real MQTT 5 broker, with a Paho client in the server's place. */
class AgentBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path brokerHome;

    @TempDir
    Path temp;

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new TestBroker(brokerHome);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void a_wipe_is_acknowledged_then_reported_with_a_verified_report() throws Exception {
        TestDevice device = new TestDevice("laptop-wipe", temp);
        try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY);
             Agent agent = device.agent(broker.url())) {
            agent.start();
            server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT);

            server.send("c-start", CommandType.START_SESSION, Map.of("until", Instant.now().plusSeconds(3600).toString()));
            server.awaitEvent(EventType.RESULT, "c-start");
            assertThat(device.dirtyFlag()).isTrue();
            assertThat(server.awaitStatus(s -> s.state() == AgentState.IN_SESSION, WAIT).online()).isTrue();
            device.guestLeaves("Downloads/tax-return.pdf", "12345");
            device.guestLeaves(".cache/x", "1");

            server.send("c-wipe", CommandType.WIPE, Map.of("jobId", "job-1"));
            Event result = server.awaitEvent(EventType.RESULT, "c-wipe");

            assertThat(server.eventsAbout("c-wipe")).extracting(Event::type)
                    .startsWith(EventType.ACK).contains(EventType.PROGRESS).endsWith(EventType.RESULT);
            assertThat(result.duplicate()).isFalse();
            assertThat(result.wipe().jobId()).isEqualTo("job-1");
            assertThat(result.wipe().verified()).isTrue();
            assertThat(result.wipe().filesRemoved()).isEqualTo(2);
            assertThat(result.wipe().directoriesRemoved()).isEqualTo(2);
            assertThat(result.wipe().bytesRemoved()).isEqualTo(6);
            assertThat(result.state()).isEqualTo(AgentState.IDLE);
            assertThat(device.entriesInArea()).isZero();
            assertThat(device.dirtyFlag()).isFalse();
            assertThat(device.session.calls()).last().isEqualTo("end");
            assertThat(server.freshRetainedStatus(WAIT).state()).isEqualTo(AgentState.IDLE);
        }
    }

    @Test
    void a_command_delivered_twice_is_acted_on_once() throws Exception {
        TestDevice device = new TestDevice("laptop-twice", temp);
        try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY);
             Agent agent = device.agent(broker.url())) {
            agent.start();
            server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT);
            device.guestLeaves("a.txt", "a");
            Command wipe = server.send("c-1", CommandType.WIPE, Map.of("jobId", "job-1"));
            Event first = server.awaitEvent(EventType.RESULT, "c-1");
            device.guestLeaves("written-after-the-wipe.txt", "b");

            server.send(wipe);
            Event again = server.awaitEvent(e -> e.type() == EventType.RESULT && e.duplicate(), WAIT);
            server.send("c-2", CommandType.WIPE, Map.of("jobId", "job-1"));
            Event sameJob = server.awaitEvent(e -> e.type() == EventType.RESULT && "c-2".equals(e.commandId()), WAIT);

            assertThat(server.eventsAbout("c-1")).extracting(Event::type, Event::duplicate).containsSubsequence(
                    org.assertj.core.groups.Tuple.tuple(EventType.ACK, false),
                    org.assertj.core.groups.Tuple.tuple(EventType.RESULT, false),
                    org.assertj.core.groups.Tuple.tuple(EventType.ACK, true),
                    org.assertj.core.groups.Tuple.tuple(EventType.RESULT, true));
            assertThat(again.wipe()).isEqualTo(first.wipe());
            assertThat(sameJob.duplicate()).isTrue();
            assertThat(sameJob.wipe()).isEqualTo(first.wipe());
            assertThat(device.area.resolve("written-after-the-wipe.txt")).exists();
            assertThat(server.eventsAbout("c-1").stream().filter(e -> e.type() == EventType.PROGRESS)
                    .filter(e -> e.detail().startsWith("wiping")).count()).isEqualTo(1);

            server.send("p-1", CommandType.PING, Map.of());
            server.awaitEvent(EventType.RESULT, "p-1");
            server.send("p-1", CommandType.PING, Map.of());
            server.awaitEvent(e -> e.type() == EventType.ACK && e.duplicate() && "p-1".equals(e.commandId()), WAIT);
            // the agent answers in order on one connection: once a later command's RESULT is here, a second
            // RESULT of p-1 would be here too
            server.send("p-2", CommandType.PING, Map.of());
            server.awaitEvent(EventType.RESULT, "p-2");
            assertThat(server.eventsAbout("p-1")).filteredOn(e -> e.type() == EventType.RESULT).hasSize(1);
        }
    }

    @Test
    void forged_unsigned_expired_misaddressed_malformed_and_oversized_commands_are_rejected_and_change_nothing()
            throws Exception {
        TestDevice device = new TestDevice("laptop-guard", temp);
        try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY);
             Agent agent = device.agent(broker.url())) {
            agent.start();
            server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT);
            device.guestLeaves("keep.txt", "still here");
            Instant now = Instant.now();
            Map<String, String> job = Map.of("jobId", "job-x");

            Command good = server.command("forged", CommandType.WIPE, job);
            server.send(new Command(good.id(), good.deviceId(), good.type(), good.issuedAt(), good.expiresAt(),
                    Map.of("jobId", "job-other"), good.signature()));
            server.send(Command.unsigned("unsigned", device.id, CommandType.WIPE, now, now.plusSeconds(600), job));
            server.send(new CommandSigner("another key, 16 bytes+".getBytes(StandardCharsets.UTF_8)).sign(
                    Command.unsigned("wrong-key", device.id, CommandType.WIPE, now, now.plusSeconds(600), job)));
            server.send(new CommandSigner(TestDevice.KEY).sign(Command.unsigned("expired", device.id, CommandType.WIPE,
                    now.minusSeconds(600), now.minusSeconds(1), job)));
            server.send(new CommandSigner(TestDevice.KEY).sign(Command.unsigned("elsewhere", new DeviceId("laptop-other"),
                    CommandType.WIPE, now, now.plusSeconds(600), job)));
            server.send(server.command("no-job", CommandType.WIPE, Map.of()));
            server.sendRaw("{\"id\": \"broken\", \"type\": \"WIPE\"".getBytes(StandardCharsets.UTF_8));
            byte[] huge = new byte[Wire.MAX_MESSAGE_BYTES + 1];
            Arrays.fill(huge, (byte) ' ');
            server.sendRaw(huge);
            server.send("after", CommandType.PING, Map.of());
            server.awaitEvent(EventType.RESULT, "after");

            assertThat(server.awaitEvent(EventType.REJECTED, "forged").detail()).isEqualTo("bad signature");
            assertThat(server.awaitEvent(EventType.REJECTED, "unsigned").detail()).isEqualTo("unsigned");
            assertThat(server.awaitEvent(EventType.REJECTED, "wrong-key").detail()).isEqualTo("bad signature");
            assertThat(server.awaitEvent(EventType.REJECTED, "expired").detail()).startsWith("expired at");
            assertThat(server.awaitEvent(EventType.REJECTED, "elsewhere").detail())
                    .isEqualTo("addressed to another device: laptop-other");
            assertThat(server.awaitEvent(EventType.REJECTED, "no-job").detail()).isEqualTo("WIPE needs the parameter jobId");
            assertThat(server.events).filteredOn(e -> e.type() == EventType.REJECTED && e.commandId() == null)
                    .extracting(Event::detail).anyMatch(d -> d.startsWith("not a valid Command"))
                    .anyMatch(d -> d.contains("over the limit"));
            assertThat(server.events).filteredOn(e -> e.type() == EventType.ACK || e.type() == EventType.PROGRESS)
                    .extracting(Event::commandId).containsOnly("after");
            assertThat(device.area.resolve("keep.txt")).hasContent("still here");
            assertThat(device.session.calls()).isEmpty();
            assertThat(device.dirtyFlag()).isFalse();
            assertThat(agent.state()).isEqualTo(AgentState.IDLE);
        }
    }

    @Test
    void a_session_is_started_warned_and_ended_and_the_device_stays_dirty_until_a_wipe() throws Exception {
        TestDevice device = new TestDevice("laptop-session", temp);
        try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY);
             Agent agent = device.agent(broker.url())) {
            agent.start();
            server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT);
            String until = Instant.now().plusSeconds(1800).toString();

            server.send("s-1", CommandType.START_SESSION, Map.of("until", until));
            server.send("w-1", CommandType.WARN, Map.of("minutesLeft", "5"));
            server.send("e-1", CommandType.END_SESSION, Map.of());
            assertThat(server.awaitEvent(EventType.RESULT, "e-1").state()).isEqualTo(AgentState.DIRTY);
            server.send("s-2", CommandType.START_SESSION, Map.of("until", until));
            assertThat(server.awaitEvent(EventType.REJECTED, "s-2").detail()).contains("DIRTY");
            server.send("l-1", CommandType.LOCK, Map.of());
            assertThat(server.awaitEvent(EventType.RESULT, "l-1").state()).isEqualTo(AgentState.LOCKED);
            server.send("x-1", CommandType.WIPE, Map.of("jobId", "job-s"));
            assertThat(server.awaitEvent(EventType.RESULT, "x-1").state()).isEqualTo(AgentState.IDLE);

            assertThat(device.session.calls()).containsExactly("start until " + until, "warn 5", "end", "lock", "end");
            assertThat(device.dirtyFlag()).isFalse();
        }
    }

    @Test
    void the_status_is_retained_and_the_last_will_marks_it_offline_with_the_same_session_when_the_link_dies()
            throws Exception {
        TestDevice device = new TestDevice("laptop-will", temp);
        try (TcpProxy proxy = new TcpProxy(broker.port());
             TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY);
             Agent agent = device.agent(proxy.url())) {
            agent.start();
            Event hello = server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT);
            DeviceStatus retained = server.freshRetainedStatus(WAIT);
            assertThat(retained.online()).isTrue();
            assertThat(retained.session()).isEqualTo(hello.session());
            assertThat(retained.freeDiskBytes()).isPositive();
            assertThat(retained.os()).isNotBlank();
            assertThat(retained.agentVersion()).isNotBlank();

            proxy.cut();
            DeviceStatus will = server.awaitStatus(s -> !s.online(), WAIT);
            assertThat(will.session()).isEqualTo(hello.session());
            assertThat(server.freshRetainedStatus(WAIT).online()).isFalse();

            proxy.heal();
            Event secondHello = server.awaitEvent(e -> e.type() == EventType.HELLO && e.session() > hello.session(), WAIT);
            assertThat(secondHello.session()).isEqualTo(hello.session() + 1);
            DeviceStatus back = server.awaitStatus(s -> s.online() && s.session() == secondHello.session(), WAIT);
            assertThat(back.state()).isEqualTo(AgentState.IDLE);

            server.send("after-cut", CommandType.PING, Map.of());
            assertThat(server.awaitEvent(EventType.RESULT, "after-cut").detail()).isEqualTo("pong");

            // Everything was signed with the device key, the will included, and one epoch held throughout.
            assertThat(server.unsigned).isEmpty();
            assertThat(server.statuses).isNotEmpty().allMatch(s -> s.epoch().equals(hello.epoch()));
            assertThat(server.events).allMatch(e -> e.epoch().equals(hello.epoch()));
            assertThat(hello.epoch()).matches("[0-9a-f]{16}");
        }
    }

    /**
     * Answers the broker never acknowledged, because the link died first, are sent again on the
     * next connection. Paho 1.2.5 would send them again with topic aliases of the dead connection
     * (the events topic had one from HELLO), and the broker would drop the agent for a protocol
     * error on every reconnect.
     */
    @Test
    void answers_left_unacknowledged_when_the_link_dies_are_sent_again_on_the_next_connection() throws Exception {
        TestDevice device = new TestDevice("laptop-inflight", temp);
        try (TcpProxy proxy = new TcpProxy(broker.port());
             TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY);
             Agent agent = device.agent(proxy.url())) {
            agent.start();
            Event hello = server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT);

            proxy.hold();
            server.send("in-flight", CommandType.PING, Map.of());
            await("the agent's answer, held back on its way to the broker").atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> proxy.held().contains("\"detail\":\"pong\""));
            proxy.cut();
            assertThat(server.eventsAbout("in-flight")).isEmpty();

            proxy.heal();
            Event result = server.awaitEvent(EventType.RESULT, "in-flight");
            assertThat(result.detail()).isEqualTo("pong");
            assertThat(result.session()).as("sent on the first connection, as it was signed").isEqualTo(hello.session());
            assertThat(server.eventsAbout("in-flight")).extracting(Event::type).startsWith(EventType.ACK);
            Event secondHello = server.awaitEvent(e -> e.type() == EventType.HELLO && e.session() > hello.session(), WAIT);
            assertThat(secondHello.session()).isEqualTo(hello.session() + 1);
            server.send("after", CommandType.PING, Map.of());
            assertThat(server.awaitEvent(EventType.RESULT, "after").detail()).isEqualTo("pong");
        }
    }

    @Test
    void the_session_counter_grows_across_agent_restarts_and_a_clean_stop_says_offline() throws Exception {
        TestDevice device = new TestDevice("laptop-restart", temp);
        try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY)) {
            long first;
            try (Agent agent = device.agent(broker.url())) {
                agent.start();
                first = server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT).session();
            }
            assertThat(server.freshRetainedStatus(WAIT).online()).isFalse();
            try (Agent agent = device.agent(broker.url())) {
                agent.start();
                Event second = server.awaitEvent(e -> e.type() == EventType.HELLO && e.session() != first, WAIT);
                assertThat(second.session()).isEqualTo(first + 1);
                assertThat(second.epoch()).isEqualTo(server.events.get(0).epoch());
            }
        }
    }

    @Test
    void the_heartbeat_repeats_the_status() throws Exception {
        TestDevice device = new TestDevice("laptop-beat", temp);
        try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY);
             Agent agent = device.agent(broker.url())) {
            agent.start();
            Event hello = server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT);
            int before = server.statuses.size();
            // Nothing else happens: every further status is a heartbeat (every 2 s here) of the same connection.
            List<DeviceStatus> beats = server.awaitStatusesAfter(before, 2, WAIT);
            assertThat(beats).allMatch(s -> s.online() && s.session() == hello.session() && s.state() == AgentState.IDLE);
            assertThat(beats.get(1).at()).isAfter(beats.get(0).at());
        }
    }

    @Test
    void a_wipe_resumed_at_start_up_is_reported_once_the_broker_is_reached_and_a_redelivery_is_a_duplicate()
            throws Exception {
        TestDevice device = new TestDevice("laptop-resume", temp);
        device.guestLeaves("left.txt", "abc");
        StateStore store = new StateStore(device.stateDir);
        store.markDirty(Instant.now(), "guest session");
        store.beginWipe(new PendingWipe("c-resume", "job-resume", Instant.now()));
        try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY);
             Agent agent = device.agent(broker.url())) {
            agent.start();
            Event result = server.awaitEvent(EventType.RESULT, "c-resume");
            assertThat(result.duplicate()).isFalse();
            // Acknowledged again before the result: the server counts only results of acknowledged commands.
            assertThat(server.eventsAbout("c-resume")).extracting(Event::type).startsWith(EventType.ACK);
            assertThat(result.wipe().jobId()).isEqualTo("job-resume");
            assertThat(result.wipe().verified()).isTrue();
            assertThat(result.wipe().bytesRemoved()).isEqualTo(3);

            server.send("c-resume", CommandType.WIPE, Map.of("jobId", "job-resume"));
            Event again = server.awaitEvent(e -> e.type() == EventType.RESULT && e.duplicate(), WAIT);
            assertThat(again.wipe()).isEqualTo(result.wipe());
        }
    }

    @Test
    void a_guest_session_ends_at_its_time_even_without_a_word_from_the_server() throws Exception {
        TestDevice device = new TestDevice("laptop-until", temp);
        try (TestServer server = new TestServer(broker.url(), device.id, TestDevice.KEY);
             Agent agent = device.agent(broker.url())) {
            agent.start();
            server.awaitEvent(e -> e.type() == EventType.HELLO, WAIT);
            String until = Instant.now().plusSeconds(2).toString();

            server.send("short", CommandType.START_SESSION, Map.of("until", until));
            assertThat(server.awaitEvent(EventType.RESULT, "short").state()).isEqualTo(AgentState.IN_SESSION);

            DeviceStatus after = server.awaitStatus(s -> s.state() == AgentState.DIRTY, WAIT);
            assertThat(after.at()).isAfterOrEqualTo(Instant.parse(until));
            assertThat(device.session.calls()).containsExactly("start until " + until, "end");
            assertThat(device.dirtyFlag()).isTrue();
        }
    }
}
