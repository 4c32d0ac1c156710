package fi.suoja.agent.config;

import fi.suoja.agent.session.SessionSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {

    private static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path temp;

    private Path guest;
    private Path state;
    private Path configFile;
    private Path jar;
    private Map<String, String> values;

    @BeforeEach
    void aValidConfiguration() throws IOException {
        guest = Files.createDirectories(temp.resolve("home/guest"));
        state = temp.resolve("state");
        configFile = Files.writeString(temp.resolve("agent.properties"), "# test\n");
        jar = Files.writeString(temp.resolve("device-agent.jar"), "jar");
        values = new LinkedHashMap<>();
        values.put("device.id", "laptop-7");
        values.put("device.key", KEY);
        values.put("broker.url", "tcp://localhost:1883");
        values.put("state.dir", state.toString());
        values.put("wipe.area.home", guest.toString());
        values.put("session.kind", "simulated");
    }

    private AgentConfig load() throws ConfigException {
        return ConfigLoader.check(values, configFile, jar);
    }

    private List<String> problems() {
        return catchThrowableOfType(ConfigException.class, this::load).problems();
    }

    private List<String> problemsWithArea(String path) {
        values.put("wipe.area.home", path);
        return problems();
    }

    @Test
    void a_valid_file_loads_with_defaults_for_what_it_leaves_out() throws Exception {
        Path file = temp.resolve("real.properties");
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, text);

        AgentConfig config = ConfigLoader.load(file, jar);

        assertThat(config.deviceId().value()).isEqualTo("laptop-7");
        assertThat(config.topics().root()).isEqualTo("suoja/v1");
        assertThat(config.heartbeat()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.wipeAreas()).singleElement().satisfies(area -> {
            assertThat(area.name()).isEqualTo("home");
            assertThat(area.path()).isEqualTo(guest.toRealPath());
        });
        assertThat(config.session()).isInstanceOf(SessionSettings.Simulated.class);
        assertThat(config.toString()).doesNotContain(KEY);
    }

    @Test
    void every_missing_setting_is_named_at_once() {
        values.clear();
        assertThat(problems()).contains("device.id is missing", "device.key is missing", "broker.url is missing",
                "state.dir is missing", "session.kind is missing",
                "no wipe area is configured; add e.g. wipe.area.home=/home/guest");
    }

    @Test
    void invalid_values_each_get_a_clear_message() {
        values.put("device.id", "Laptop 7");
        values.put("device.key", "not base64!");
        values.put("broker.url", "http://broker");
        values.put("topic.root", "suoja/#");
        values.put("heartbeat.seconds", "0");
        values.put("reconnect.max.seconds", "soon");
        values.put("session.kind", "windows");
        values.put("wipe.aera.home", "/home/guest");

        assertThat(problems()).containsExactlyInAnyOrder(
                "wipe.aera.home is not a setting the agent knows; check the spelling",
                "device.id = Laptop 7: a device id has 3 to 40 small letters, digits or dashes",
                "device.key is not base64",
                "broker.url = http://broker: use tcp://, ssl://, ws:// or wss:// with a host, e.g. ssl://mqtt.example.org:8883",
                "topic.root = suoja/#: a topic root has no wildcards and no trailing slash",
                "heartbeat.seconds = 0: give whole seconds from 1 to 86400",
                "reconnect.max.seconds = soon: give whole seconds from 1 to 3600",
                "session.kind = windows: use linux, command or simulated");
    }

    @Test
    void a_short_device_key_is_refused() {
        values.put("device.key", Base64.getEncoder().encodeToString(new byte[15]));
        assertThat(problems()).containsExactly("device.key has 15 bytes; a device key has at least 16");
    }

    @Test
    void the_linux_session_needs_a_guest_user() {
        values.put("session.kind", "linux");
        assertThat(problems()).containsExactly("session.linux.user is missing");
        values.put("session.linux.user", "guest; rm -rf /");
        assertThat(problems()).containsExactly("session.linux.user = guest; rm -rf /: not a valid user name");
    }

    @Test
    void the_command_session_needs_all_four_command_lines() throws Exception {
        values.put("session.kind", "command");
        values.put("session.command.start", "/usr/local/bin/guest start --until {until}");
        assertThat(problems()).containsExactly("session.command.warn is missing", "session.command.end is missing",
                "session.command.lock is missing");
        values.put("session.command.warn", "/usr/local/bin/guest warn \"{minutes} minutes left\"");
        values.put("session.command.end", "/usr/local/bin/guest end");
        values.put("session.command.lock", "/usr/local/bin/guest lock");
        SessionSettings.Commands commands = (SessionSettings.Commands) load().session();
        assertThat(commands.warn()).containsExactly("/usr/local/bin/guest", "warn", "{minutes} minutes left");
    }

    @Test
    void the_root_is_refused_as_a_wipe_area() {
        assertThat(problemsWithArea("/")).containsExactly("wipe.area.home = /: is the root of the file system");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/home", "/Users", "/tmp"})
    void a_shared_root_itself_is_refused(String root) {
        assertThat(problemsWithArea(root)).singleElement().asString()
                .startsWith("wipe.area.home = " + root + ": is " + root + " itself, shared by everyone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc", "/usr", "/bin", "/boot", "/var", "/opt", "/root", "/sbin", "/proc", "/sys",
            "/dev", "/run", "/snap", "/srv"})
    void a_system_directory_is_refused(String dir) {
        assertThat(problemsWithArea(dir)).containsExactly("wipe.area.home = " + dir + ": is the system directory " + dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lib", "/lib64", "/lib32", "/libx32"})
    void a_library_directory_is_refused(String dir) {
        assertThat(problemsWithArea(dir)).singleElement().asString().contains("system library directory");
    }

    @Test
    void a_directory_inside_a_system_directory_is_refused() {
        assertThat(problemsWithArea("/usr/share/doc"))
                .containsExactly("wipe.area.home = /usr/share/doc: lies inside the system directory /usr");
        assertThat(problemsWithArea("/var/lib/../log"))
                .containsExactly("wipe.area.home = /var/lib/../log: lies inside the system directory /var");
    }

    @Test
    void an_ancestor_of_a_protected_directory_is_refused() {
        assertThat(WipeAreaRules.refusal(Path.of("/"))).contains("is the root of the file system");
        assertThat(WipeAreaRules.refusal(Path.of("/home/guest"))).isEmpty();
    }

    @Test
    void a_directory_inside_tmp_is_accepted() throws Exception {
        assertThat(load().wipeAreas()).hasSize(1);
        assertThat(guest.toRealPath().toString()).startsWith("/tmp/");
    }

    @Test
    void a_relative_missing_or_non_directory_area_is_refused() throws IOException {
        assertThat(problemsWithArea("home/guest")).containsExactly("wipe.area.home = home/guest: must be an absolute path");
        assertThat(problemsWithArea(temp.resolve("nope").toString()))
                .containsExactly("wipe.area.home = " + temp.resolve("nope") + ": does not exist");
        assertThat(problemsWithArea(jar.toString())).containsExactly("wipe.area.home = " + jar + ": is not a directory");
    }

    @Test
    void an_area_holding_or_inside_the_state_directory_is_refused() throws IOException {
        values.put("state.dir", guest.resolve(".suoja").toString());
        assertThat(problems()).containsExactly("wipe.area.home = " + guest + ": holds the agent's own state directory "
                + guest.resolve(".suoja"));

        Path stateDir = Files.createDirectories(temp.resolve("state-here"));
        Path inside = Files.createDirectories(stateDir.resolve("sub"));
        values.put("state.dir", stateDir.toString());
        assertThat(problemsWithArea(inside.toString())).containsExactly("wipe.area.home = " + inside
                + ": lies inside the agent's own state directory " + stateDir);
    }

    @Test
    void an_area_holding_the_configuration_file_or_the_program_is_refused() throws IOException {
        Path etc = Files.createDirectories(temp.resolve("conf"));
        configFile = Files.writeString(etc.resolve("agent.properties"), "");
        jar = Files.writeString(etc.resolve("device-agent.jar"), "");
        assertThat(problemsWithArea(etc.toString())).containsExactlyInAnyOrder(
                "wipe.area.home = " + etc + ": holds the agent's own configuration file " + configFile,
                "wipe.area.home = " + etc + ": holds the agent's own program " + jar);
    }

    @Test
    void nested_or_repeated_areas_are_refused() throws IOException {
        Path downloads = Files.createDirectories(guest.resolve("Downloads"));
        values.put("wipe.area.downloads", downloads.toString());
        assertThat(problems()).containsExactly("wipe.area.downloads = " + downloads
                + ": lies inside wipe.area.home; name each directory once");

        values.put("wipe.area.downloads", guest.toString());
        assertThat(problems()).contains("wipe.area.downloads = " + guest
                + ": is the same directory as wipe.area.home; name each directory once");
    }

    @Test
    void a_link_to_a_forbidden_place_is_refused_by_where_it_leads() throws IOException {
        Path toEtc = Files.createSymbolicLink(temp.resolve("innocent"), Path.of("/etc"));
        assertThat(problemsWithArea(toEtc.toString())).containsExactly("wipe.area.home = " + toEtc
                + ": resolves through a link to /etc, which is the system directory /etc");

        Path toTmp = Files.createSymbolicLink(temp.resolve("scratch"), Path.of("/tmp"));
        assertThat(problemsWithArea(toTmp.toString()))
                .anyMatch(p -> p.contains("resolves through a link to /tmp, which is /tmp itself"));

        Path stateDir = Files.createDirectories(temp.resolve("agent-state"));
        values.put("state.dir", stateDir.toString());
        Path toState = Files.createSymbolicLink(temp.resolve("guest-link"), stateDir);
        assertThat(problemsWithArea(toState.toString())).singleElement().asString()
                .contains("holds the agent's own state directory");
    }

    @Test
    void a_template_must_exist_and_stay_out_of_every_area() throws Exception {
        values.put("wipe.area.home.template", temp.resolve("missing").toString());
        assertThat(problems()).containsExactly("wipe.area.home.template = " + temp.resolve("missing") + ": does not exist");

        Path inside = Files.createDirectories(guest.resolve("template"));
        values.put("wipe.area.home.template", inside.toString());
        assertThat(problems()).containsExactly("wipe.area.home.template = " + inside
                + ": a clean template may not be inside its area or hold it");

        Path clean = Files.createDirectories(temp.resolve("clean"));
        values.put("wipe.area.home.template", clean.toString());
        assertThat(load().wipeAreas().get(0).template()).isEqualTo(clean.toRealPath());
    }

    @Test
    void the_message_of_a_refused_configuration_lists_every_problem() {
        values.remove("device.id");
        values.put("wipe.area.home", "/etc");
        assertThatThrownBy(this::load).hasMessage("""
                the configuration has 2 problems:
                  - device.id is missing
                  - wipe.area.home = /etc: is the system directory /etc""");
    }
}
