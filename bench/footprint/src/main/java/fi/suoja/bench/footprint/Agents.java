package fi.suoja.bench.footprint;

import fi.suoja.bench.scene.Pause;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * device-agent's jar as its systemd unit runs it: {@code -Xmx32m -XX:+UseSerialGC -jar device-agent.jar
 * agent.properties}, plain (the unit before the archive) or through the unit's launcher
 * ({@code device-agent/src/main/dist/suoja-agent-launch}) with a class-data archive in a cache
 * directory. Each kind has its own device id, state and wipe folders that live for the whole run,
 * as a laptop's agent restarts on the same state; it connects to the run's Mosquitto.
 */
final class Agents {

    static final List<String> UNIT_JVM = List.of("-Xmx32m", "-XX:+UseSerialGC");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Path jar;
    private final Path launcher;
    private final Path work;
    private final StatusWatch watch;

    Agents(Path jar, Path launcher, Path work, StatusWatch watch) {
        this.jar = jar;
        this.launcher = launcher;
        this.work = work;
        this.watch = watch;
    }

    /** One agent installation: its configuration and folders, and where its archive would live. */
    record Install(String deviceId, Path home, Path config, Path archive) {
    }

    private final Map<String, Install> installs = new java.util.HashMap<>();

    /**
     * A configuration like the one {@code POST /api/v1/devices} hands out, with a simulated session;
     * written once per device (a new file would be a new configuration to the launcher's stamp).
     */
    Install install(String deviceId) throws IOException {
        Install known = installs.get(deviceId);
        if (known != null) {
            return known;
        }
        Path home = work.resolve("agents").resolve(deviceId);
        Files.createDirectories(home.resolve("guest"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path config = home.resolve("agent.properties");
        Files.writeString(config, String.join("\n",
                "device.id=" + deviceId,
                "device.key=" + Base64.getEncoder().encodeToString(key),
                "broker.url=" + watch.url(),
                "state.dir=" + home.resolve("state"),
                "wipe.area.home=" + home.resolve("guest"),
                "session.kind=simulated", ""));
        Install made = new Install(deviceId, home, config, home.resolve("cache").resolve("device-agent.jsa"));
        installs.put(deviceId, made);
        return made;
    }

    /** Starts the agent, plain or through the launcher with its archive. */
    Launched start(String name, Jdk jdk, Install install, boolean withArchive, Path dir) {
        List<String> command = new ArrayList<>();
        if (withArchive) {
            command.addAll(List.of("sh", launcher.toString()));
        }
        command.add(jdk.java());
        command.addAll(UNIT_JVM);
        command.addAll(List.of("-jar", jar.toString(), install.config().toString()));
        Map<String, String> env = withArchive ? Map.of("SUOJA_AGENT_CDS_ARCHIVE", install.archive().toString()) : Map.of();
        return Launched.start(name, command, env, dir, jdk.home());
    }

    /** Milliseconds from the start until the agent's first status after it came through the broker. */
    double awaitFirstStatus(Launched agent, Install install) {
        Instant at = watch.awaitStatus(install.deviceId(), agent.startWall, START_LIMIT, agent);
        return Duration.between(agent.startWall, at).toNanos() / 1e6;
    }

    Kind kind(Jdk jdk, boolean withArchive, String floor) throws IOException {
        String name = "agent-" + (withArchive ? "cds-" : "") + jdk.label();
        Install install = install("fp-" + name);
        if (withArchive) {
            train(jdk, install);
        }
        return new Kind() {
            public String name() {
                return name;
            }

            public String floor() {
                return floor;
            }

            public Sample measure(int round) {
                try (Launched p = start(name, jdk, install, withArchive, work.resolve("round-" + round))) {
                    double start = awaitFirstStatus(p, install);
                    Pause.millis(FootprintBench.SETTLE_MILLIS);
                    double rss = p.rssMiB();
                    Launched.Heap heap = p.heapAfterGc();
                    return new Sample(start, Double.NaN, rss, heap.usedMiB(), heap.metaspaceMiB(), Double.NaN, Double.NaN, p.stop());
                }
            }
        };
    }

    /** What the first start through the launcher did: no archive yet, so it made one when it stopped. */
    record Training(String jdk, double startMs, double stopMs, long archiveBytes) {
    }

    final List<Training> trainings = new ArrayList<>();

    /** The launcher's first start on a laptop: no archive, so the JVM writes one when the agent stops. */
    private void train(Jdk jdk, Install install) {
        if (Files.exists(install.archive())) {
            throw new IllegalStateException("a fresh installation has no archive: " + install.archive());
        }
        try (Launched p = start("agent-training-" + jdk.label(), jdk, install, true, work.resolve("training"))) {
            double start = awaitFirstStatus(p, install);
            Pause.millis(FootprintBench.SETTLE_MILLIS);
            double stop = p.stop();
            long size = Files.size(install.archive());
            trainings.add(new Training(jdk.label(), start, stop, size));
        } catch (IOException e) {
            throw new IllegalStateException("the launcher's first run left no archive at " + install.archive()
                    + "; see " + work.resolve("training"), e);
        }
    }

    /**
     * The fallbacks the launcher relies on, each a real start that must publish its status: an archive
     * that is not an archive (a write cut short), and a real archive of another JDK build, each under a
     * stamp that says it is current, so the launcher hands it to the JVM and only {@code -Xshare:auto}
     * stands between it and a failed start.
     */
    List<String> checkFallbacks(Jdk jdk, Path otherJdkArchive) throws IOException {
        List<String> findings = new ArrayList<>();
        Install install = install("fp-fallback-" + jdk.label());
        train(jdk, install);
        trainings.remove(trainings.size() - 1);
        byte[] junk = new byte[1 << 20];
        new SecureRandom().nextBytes(junk);
        Files.write(install.archive(), junk);
        findings.add(fallbackStart(jdk, install, "an archive of random bytes"));
        if (otherJdkArchive != null) {
            Files.copy(otherJdkArchive, install.archive(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            findings.add(fallbackStart(jdk, install, "the archive of another JDK (" + otherJdkArchive + ")"));
        }
        Files.delete(install.archive());
        findings.add(fallbackStart(jdk, install, "a missing archive (stamp left)"));
        if (!Files.exists(install.archive())) {
            throw new IllegalStateException("after a start without an archive the launcher made none");
        }
        return findings;
    }

    private int fallbackStarts;

    private String fallbackStart(Jdk jdk, Install install, String what) {
        Path dir = work.resolve("fallback");
        fallbackStarts++;
        try (Launched p = start("agent-fallback-" + jdk.label() + "-" + fallbackStarts, jdk, install, true, dir)) {
            double start = awaitFirstStatus(p, install);
            String given = String.join(" ", Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).split("\0")).replaceAll(
                    ".*?(-XX:(SharedArchiveFile|ArchiveClassesAtExit)=\\S+).*", "$1");
            p.stop();
            String said = Files.readAllLines(p.log).stream().filter(line -> line.contains("[cds]") && !line.contains("Skipping")
                    && !line.contains("Pre JDK 6")).findFirst().orElse("nothing about the archive");
            return "JDK " + jdk.label() + ", " + what + ": the launcher gave the JVM " + (given.startsWith("-XX:") ? given.replaceAll("=.*", "") : "no archive option")
                    + "; status published after " + Math.round(start) + " ms; the JVM said: " + said.strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
