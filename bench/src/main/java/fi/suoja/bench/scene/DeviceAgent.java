package fi.suoja.bench.scene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The real device-agent jar, as a laptop's service runs it ({@code java -Xmx32m -jar device-agent.jar
 * agent.properties}, README), with the configuration file the server handed out at registration.
 */
public record DeviceAgent(JavaProcess process, Path config) implements JarProcess {

    public static final Path JAR = Path.of("device-agent/target/device-agent.jar");

    public static DeviceAgent start(String agentConfig, Path workDir) {
        Path config = workDir.resolve("agent.properties");
        try {
            Files.writeString(config, agentConfig);
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + config, e);
        }
        JavaProcess process = JavaProcess.start("device-agent", JAR, List.of("-Xmx32m"),
                List.of(config.toAbsolutePath().toString()), Map.of(), workDir);
        return new DeviceAgent(process, config);
    }
}
