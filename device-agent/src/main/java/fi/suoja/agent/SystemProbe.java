package fi.suoja.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the heartbeat tells about the machine: battery where the OS says it, free disk, OS, agent version. */
final class SystemProbe {

    private static final Path POWER_SUPPLIES = Path.of("/sys/class/power_supply");

    private final Path disk;
    private final String os;
    private final String version;

    SystemProbe(Path disk) {
        this.disk = disk;
        this.os = describeOs();
        this.version = Optional.ofNullable(SystemProbe.class.getPackage().getImplementationVersion()).orElse("dev");
    }

    /** The first battery's charge on Linux; null where there is no battery or no way to read it. */
    Integer batteryPercent() {
        if (!Files.isDirectory(POWER_SUPPLIES)) {
            return null;
        }
        try (DirectoryStream<Path> batteries = Files.newDirectoryStream(POWER_SUPPLIES, "BAT*")) {
            for (Path battery : batteries) {
                int percent = Integer.parseInt(Files.readString(battery.resolve("capacity")).strip());
                if (percent >= 0 && percent <= 100) {
                    return percent;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    Long freeDiskBytes() {
        try {
            return Files.getFileStore(disk).getUsableSpace();
        } catch (IOException e) {
            return null;
        }
    }

    String os() {
        return os;
    }

    String agentVersion() {
        return version;
    }

    private static String describeOs() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        Path release = Path.of("/etc/os-release");
        if (Files.isReadable(release)) {
            try {
                for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                    if (line.startsWith("PRETTY_NAME=")) {
                        return os + " (" + line.substring("PRETTY_NAME=".length()).replace("\"", "") + ")";
                    }
                }
            } catch (IOException e) {
                return os;
            }
        }
        return os;
    }
}
