package fi.suoja.agent;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit's launcher ({@code src/main/dist/suoja-agent-launch}) with real JVM starts: the archive
 * it adds may make the agent start sooner but must never keep it from starting. A small jar stands
 * in for the agent (the launcher treats every jar alike); {@code -Xlog:class+load} shows whether its
 * main class came from the archive.
 */
@Tag("process")
class AgentLaunchTest {

    private static final Path LAUNCHER = Path.of("src/main/dist/suoja-agent-launch");
    private static final String FROM_ARCHIVE = "fi.suoja.agent.LaunchProbe source: shared objects file";

    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    @Test
    void a_first_start_without_an_archive_runs_and_the_archive_made_at_its_exit_serves_the_next() throws Exception {
        Path jar = probeJar("a");
        Path archive = dir.resolve("cache/device-agent.jsa");

        Run first = launch(archive, jar);
        assertThat(first.exit()).isZero();
        assertThat(first.output()).contains("probe ran").doesNotContain(FROM_ARCHIVE);
        assertThat(archive).as("written by the JVM when the first start ended").exists();

        Run second = launch(archive, jar);
        assertThat(second.exit()).isZero();
        assertThat(second.output()).contains("probe ran").contains(FROM_ARCHIVE);
    }

    @Test
    void a_new_jar_is_not_started_with_the_archive_of_the_old_one_and_gets_its_own() throws Exception {
        Path archive = dir.resolve("cache/device-agent.jsa");
        Path jar = probeJar("a");
        launch(archive, jar);
        assertThat(launch(archive, jar).output()).contains(FROM_ARCHIVE);
        byte[] old = Files.readAllBytes(archive);

        // the same path and the same size, likely within the same second: only the content differs
        Path upgraded = probeJar("b");
        Run run = launch(archive, upgraded);

        assertThat(run.exit()).isZero();
        assertThat(run.output()).contains("probe ran").doesNotContain(FROM_ARCHIVE);
        assertThat(Files.readAllBytes(archive)).as("made again at the end of the run").isNotEqualTo(old);
        assertThat(launch(archive, upgraded).output()).contains(FROM_ARCHIVE);
    }

    @Test
    void an_archive_whose_write_was_cut_short_is_made_again() throws Exception {
        Path jar = probeJar("a");
        Path archive = dir.resolve("cache/device-agent.jsa");
        launch(archive, jar);
        Files.write(archive, new byte[(int) Files.size(archive)]); // a header never written: zeros

        Run run = launch(archive, jar);

        assertThat(run.exit()).isZero();
        assertThat(run.output()).contains("probe ran").doesNotContain(FROM_ARCHIVE);
        assertThat(launch(archive, jar).output()).contains(FROM_ARCHIVE);
    }

    @Test
    void an_archive_the_jvm_cannot_use_is_ignored_by_the_jvm_and_the_agent_still_starts() throws Exception {
        // The launcher believes the archive is current (its stamp says so), but the archive belongs to
        // another jar: only the JVM's own check (-Xshare:auto) stands between it and a failed start.
        Path otherArchive = dir.resolve("other/device-agent.jsa");
        launch(otherArchive, probeJar(dir.resolve("other.jar"), "other jar, longer"));
        Path jar = probeJar("a");
        Path archive = dir.resolve("cache/device-agent.jsa");
        launch(archive, jar);
        Files.copy(otherArchive, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run run = launch(archive, jar);

        assertThat(run.exit()).isZero();
        assertThat(run.output()).contains("probe ran").doesNotContain(FROM_ARCHIVE);
    }

    @Test
    void without_a_usable_cache_directory_or_an_archive_setting_the_agent_starts_plainly() throws Exception {
        Path jar = probeJar("a");
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "not a directory");

        Run unwritable = launch(blocked.resolve("device-agent.jsa"), jar);
        Run unset = launch(null, jar);

        assertThat(unwritable.exit()).isZero();
        assertThat(unwritable.output()).contains("probe ran");
        assertThat(unset.exit()).isZero();
        assertThat(unset.output()).contains("probe ran");
    }

    /** {@code sh suoja-agent-launch JAVA -Xlog:class+load -jar JAR CONFIG}, as the unit's ExecStart. */
    private Run launch(Path archive, Path jar) throws IOException, InterruptedException {
        Path config = dir.resolve("agent.properties");
        if (!Files.exists(config)) {
            Files.writeString(config, "# the probe reads nothing\n");
        }
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m", "-XX:+UseSerialGC",
                "-Xlog:class+load=info", "-jar", jar.toString(), config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SUOJA_AGENT_CDS_ARCHIVE");
        if (archive != null) {
            builder.environment().putAll(Map.of("SUOJA_AGENT_CDS_ARCHIVE", archive.toString()));
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe ended").isTrue();
        return new Run(process.exitValue(), output);
    }

    /** The agent's jar: {@link LaunchProbe}, runnable, in one place; {@code version} makes different content. */
    private Path probeJar(String version) throws IOException {
        return probeJar(dir.resolve("device-agent.jar"), version);
    }

    private Path probeJar(Path jar, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LaunchProbe.class.getName());
        String entry = LaunchProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream probe = LaunchProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            probe.transferTo(out);
            out.putNextEntry(new JarEntry("version.txt"));
            out.write(version.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
