package fi.suoja.bench.scene;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The real kiosk-ui jar (Vaadin on Jetty) with the heap of its systemd unit, for one kiosk token. */
public record KioskUi(JavaProcess process, int port) implements JarProcess {

    public static final Path JAR = Path.of("kiosk-ui/target/kiosk-ui.jar");

    public static KioskUi start(URI server, String kioskToken, Path workDir) {
        return start(server, kioskToken, workDir, Map.of());
    }

    /** With further settings, such as {@code SUOJA_SPEECH_CACHE_MB}. */
    public static KioskUi start(URI server, String kioskToken, Path workDir, Map<String, String> settings) {
        int port = JavaProcess.freePort();
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("SUOJA_SERVER_URL", server.toString());
        environment.put("SUOJA_KIOSK_TOKEN", kioskToken);
        environment.put("SUOJA_UI_PORT", Integer.toString(port));
        JavaProcess process = JavaProcess.start("kiosk-ui", JAR, List.of("-Xmx384m"), environment, workDir);
        // its health, as ./run and a load balancer wait for it: UP once it has opened its kiosk page once
        process.awaitOk(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(120));
        return new KioskUi(process, port);
    }
}
