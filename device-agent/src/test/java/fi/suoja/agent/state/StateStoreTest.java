package fi.suoja.agent.state;

import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.SessionIds;
import fi.suoja.hardware.mqtt.WipeReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void the_dirty_flag_is_a_file_that_outlives_the_process() throws Exception {
        StateStore store = new StateStore(dir);
        assertThat(store.isDirty()).isFalse();
        store.markDirty(NOW, "guest session c-1");

        assertThat(new StateStore(dir).isDirty()).isTrue();
        assertThat(dir.resolve("dirty")).content().startsWith("2026-11-25T10:00:00Z guest session c-1");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");

        new StateStore(dir).clearDirty();
        assertThat(new StateStore(dir).isDirty()).isFalse();
    }

    @Test
    void a_wipe_job_written_before_the_wipe_is_found_after_a_restart() throws Exception {
        new StateStore(dir).beginWipe(new PendingWipe("c-9", "job-9", NOW));

        assertThat(new StateStore(dir).pendingWipe()).contains(new PendingWipe("c-9", "job-9", NOW));

        new StateStore(dir).endWipe();
        assertThat(new StateStore(dir).pendingWipe()).isEmpty();
    }

    @Test
    void an_unreadable_wipe_job_counts_as_an_unfinished_wipe() throws Exception {
        Files.writeString(dir.resolve("wipe-job.json"), "{half a fi");
        assertThat(new StateStore(dir).pendingWipe()).hasValueSatisfying(job ->
                assertThat(job.jobId()).isEqualTo("unreadable-job"));
    }

    @Test
    void done_commands_are_remembered_across_restarts_and_bounded() throws Exception {
        StateStore store = new StateStore(dir);
        WipeReport report = new WipeReport("job-1", true, 3, 1, 10, List.of(), 5, NOW);
        store.remember(new DoneCommand("c-0", CommandType.WIPE, "job-1", report));
        for (int i = 1; i <= StateStore.REMEMBERED_COMMANDS; i++) {
            store.remember(new DoneCommand("p-" + i, CommandType.PING, null, null));
        }
        StateStore reopened = new StateStore(dir);
        assertThat(reopened.done("c-0")).isEmpty();
        assertThat(reopened.done("p-1")).isPresent();
        assertThat(reopened.done("p-" + StateStore.REMEMBERED_COMMANDS)).isPresent();
    }

    @Test
    void the_report_of_a_done_wipe_is_found_by_its_job() throws Exception {
        StateStore store = new StateStore(dir);
        WipeReport report = new WipeReport("job-1", true, 3, 1, 10, List.of("x"), 5, NOW);
        store.remember(new DoneCommand("c-1", CommandType.WIPE, "job-1", report));

        assertThat(new StateStore(dir).doneWipe("job-1")).hasValueSatisfying(done ->
                assertThat(done.report()).isEqualTo(report));
        assertThat(new StateStore(dir).doneWipe("job-2")).isEmpty();
    }

    @Test
    void the_session_counter_grows_within_an_epoch_and_a_damaged_or_lost_identity_starts_a_new_epoch() throws Exception {
        AgentSession first = new StateStore(dir).nextSession();
        assertThat(first.counter()).isEqualTo(1);
        assertThat(first.epoch()).matches("[0-9a-f]{16}");
        assertThat(new StateStore(dir).nextSession()).isEqualTo(new AgentSession(first.epoch(), 2));
        assertThat(new StateStore(dir).currentSession()).isEqualTo(new AgentSession(first.epoch(), 2));

        Files.writeString(dir.resolve("session"), "garbage");
        AgentSession afterDamage = new StateStore(dir).nextSession();
        assertThat(afterDamage.epoch()).isNotEqualTo(first.epoch());
        assertThat(afterDamage.counter()).isEqualTo(1);

        // An agent of the old format kept only a number (and once jumped to the clock's milliseconds).
        Files.writeString(dir.resolve("session"), "1764000000000");
        assertThat(new StateStore(dir).nextSession()).satisfies(s -> {
            assertThat(s.epoch()).isNotIn(first.epoch(), afterDamage.epoch());
            assertThat(s.counter()).isEqualTo(1);
        });

        Files.delete(dir.resolve("session"));
        assertThat(new StateStore(dir).nextSession().counter()).isEqualTo(1);
    }

    @Test
    void a_counter_at_its_end_starts_a_new_epoch_instead_of_leaving_the_bounds() throws Exception {
        Files.writeString(dir.resolve("session"), "0123456789abcdef " + SessionIds.MAX_SESSION);
        AgentSession next = new StateStore(dir).nextSession();
        assertThat(next.epoch()).isNotEqualTo("0123456789abcdef");
        assertThat(next.counter()).isEqualTo(1);
    }
}
