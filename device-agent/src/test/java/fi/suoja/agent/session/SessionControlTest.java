package fi.suoja.agent.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs real processes: small shell scripts stand in for loginctl and the site's commands. */
class SessionControlTest {

    @TempDir
    Path temp;

    private Path script(String name, String body) throws Exception {
        Path script = temp.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private List<String> log() throws Exception {
        Path log = temp.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void the_linux_control_ends_and_locks_through_loginctl() throws Exception {
        Path loginctl = script("loginctl", "echo \"$@\" >> " + temp.resolve("calls.log"));
        SessionControl control = SessionSettings.control(
                new SessionSettings.Linux("guest", loginctl.toString(), Duration.ofSeconds(5)));

        control.start(Instant.parse("2026-11-25T12:00:00Z"));
        control.end();
        control.lock();

        assertThat(log()).containsExactly("unlock-sessions", "terminate-user guest", "terminate-user guest",
                "lock-sessions");
    }

    @Test
    void ending_a_session_of_a_guest_who_is_not_logged_in_is_fine() throws Exception {
        Path loginctl = script("loginctl", "echo 'Failed to terminate user: User ID 1001 is not logged in or lingering.' >&2; exit 1");
        SessionControl control = SessionSettings.control(
                new SessionSettings.Linux("guest", loginctl.toString(), Duration.ofSeconds(5)));

        control.end();
    }

    @Test
    void a_failing_loginctl_is_reported_with_its_exit_code_and_words() throws Exception {
        Path loginctl = script("loginctl", "echo 'Access denied' >&2; exit 4");
        SessionControl control = SessionSettings.control(
                new SessionSettings.Linux("guest", loginctl.toString(), Duration.ofSeconds(5)));

        assertThatThrownBy(control::lock).isInstanceOf(SessionException.class)
                .hasMessageContaining("exit code 4").hasMessageContaining("Access denied");
    }

    @Test
    void a_command_that_hangs_is_stopped_at_the_time_limit() throws Exception {
        Path slow = script("slow", "sleep 30");
        SessionControl control = SessionSettings.control(new SessionSettings.Commands(List.of(slow.toString()),
                List.of(slow.toString()), List.of(slow.toString()), List.of(slow.toString()), Duration.ofMillis(300)));

        long started = System.nanoTime();
        assertThatThrownBy(control::end).isInstanceOf(SessionException.class).hasMessageContaining("did not finish");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void command_templates_fill_their_placeholders_inside_single_arguments() throws Exception {
        Path record = script("record", "for a in \"$@\"; do echo \"[$a]\" >> " + temp.resolve("calls.log") + "; done");
        SessionControl control = SessionSettings.control(new SessionSettings.Commands(
                SessionSettings.commandLine(record + " start --until {until}"),
                SessionSettings.commandLine(record + " warn \"{minutes} minutes; rm -rf /\""),
                SessionSettings.commandLine(record + " end"),
                SessionSettings.commandLine(record + " lock"),
                Duration.ofSeconds(5)));

        control.start(Instant.parse("2026-11-25T12:00:00Z"));
        control.warn(5);
        control.end();
        control.lock();

        assertThat(log()).containsExactly("[start]", "[--until]", "[2026-11-25T12:00:00Z]",
                "[warn]", "[5 minutes; rm -rf /]", "[end]", "[lock]");
    }

    @Test
    void the_simulator_remembers_what_it_was_asked() throws Exception {
        SimulatedSessionControl simulator = new SimulatedSessionControl();
        simulator.start(Instant.parse("2026-11-25T12:00:00Z"));
        simulator.warn(10);
        simulator.end();
        simulator.lock();
        assertThat(simulator.calls()).containsExactly("start until 2026-11-25T12:00:00Z", "warn 10", "end", "lock");
    }
}
