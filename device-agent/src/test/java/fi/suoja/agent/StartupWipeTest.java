package fi.suoja.agent;

import fi.suoja.agent.state.PendingWipe;
import fi.suoja.agent.state.StateStore;
import fi.suoja.hardware.mqtt.AgentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The wipe guarantee at start-up, with no broker at all. */
class StartupWipeTest {

    @TempDir
    Path temp;

    @Test
    void with_the_dirty_flag_set_the_agent_wipes_before_it_even_tries_to_connect() throws Exception {
        TestDevice device = new TestDevice("laptop-dirty", temp);
        device.guestLeaves("Documents/cv.docx", "private");
        new StateStore(device.stateDir).markDirty(Instant.now(), "guest session before the power cut");

        // Not a broker: a socket that notes how the guest area looked at the agent's first knock.
        try (ServerSocket notBroker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Agent agent = device.agent("tcp://127.0.0.1:" + notBroker.getLocalPort())) {
            CompletableFuture<Long> entriesAtFirstConnect = CompletableFuture.supplyAsync(() -> {
                try {
                    Socket knock = notBroker.accept();
                    long entries = device.entriesInArea();
                    knock.close();
                    return entries;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            agent.start();

            assertThat(entriesAtFirstConnect.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(device.dirtyFlag()).isFalse();
            assertThat(agent.state()).isEqualTo(AgentState.IDLE);
            assertThat(device.session.calls()).containsExactly("end");
        }
    }

    @Test
    void a_wipe_cut_short_by_a_crash_is_finished_at_the_next_start_and_remembered() throws Exception {
        TestDevice device = new TestDevice("laptop-crash", temp);
        device.guestLeaves("half/wiped.txt", "x");
        StateStore before = new StateStore(device.stateDir);
        before.markDirty(Instant.now(), "guest session");
        before.beginWipe(new PendingWipe("c-7", "job-7", Instant.now()));

        int closedPort = TestBroker.freePort();
        try (Agent agent = device.agent("tcp://127.0.0.1:" + closedPort)) {
            agent.start();
            await("the wipe cut short to be finished").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !device.dirtyFlag() && !Files.exists(device.stateDir.resolve("wipe-job.json")));
        }

        StateStore after = new StateStore(device.stateDir);
        assertThat(device.entriesInArea()).isZero();
        assertThat(after.isDirty()).isFalse();
        assertThat(after.pendingWipe()).isEmpty();
        assertThat(after.done("c-7")).hasValueSatisfying(done -> {
            assertThat(done.jobId()).isEqualTo("job-7");
            assertThat(done.report().verified()).isTrue();
        });
    }

    @Test
    void a_wipe_that_cannot_be_verified_at_start_up_leaves_the_device_dirty() throws Exception {
        TestDevice device = new TestDevice("laptop-stuck", temp);
        new StateStore(device.stateDir).markDirty(Instant.now(), "guest session");
        Files.delete(device.area);  // the area vanished: nothing can be proven

        Path flag = device.stateDir.resolve("dirty");
        try (Agent agent = device.agent("tcp://127.0.0.1:" + TestBroker.freePort())) {
            agent.start();
            // the flag is written inside the wipe; the loop leaves WIPING only after it, so wait for both
            await("the unverified wipe to leave the agent DIRTY").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                        assertThat(Files.readString(flag)).contains("not verified");
                        assertThat(agent.state()).isEqualTo(AgentState.DIRTY);
                    });
        }
        assertThat(device.dirtyFlag()).isTrue();
    }

    @Test
    void a_lock_outlives_a_restart_and_is_applied_again() throws Exception {
        TestDevice device = new TestDevice("laptop-locked", temp);
        new StateStore(device.stateDir).markLocked(Instant.now());

        try (Agent agent = device.agent("tcp://127.0.0.1:" + TestBroker.freePort())) {
            agent.start();
            await("the lock applied again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> {
                        assertThat(device.session.calls()).containsExactly("lock");
                        assertThat(agent.state()).isEqualTo(AgentState.LOCKED);
                    });
        }
    }
}
