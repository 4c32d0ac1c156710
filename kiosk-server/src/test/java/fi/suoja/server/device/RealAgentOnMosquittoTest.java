package fi.suoja.server.device;

import fi.suoja.hardware.TempDirs;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.TestBroker;
import fi.suoja.server.broker.MosquittoPassword;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real agent and the server over a real Mosquitto that takes no anonymous clients: the
 * server logs in with its own account, and the laptop with the account its provisioning made,
 * through the password and ACL files the server writes. They are loaded the way an operator
 * would: written, then a SIGHUP to Mosquitto.
 */
@Tag("mosquitto")
class RealAgentOnMosquittoTest extends RealAgentScenarios {

    static final String SERVER_USER = "suoja-server";
    static final String SERVER_PASSWORD = "server-" + UUID.randomUUID();

    Path dir;
    Process mosquitto;
    int port;

    @Override
    EmbeddedServer startServer() throws Exception {
        assertThat(Path.of("/usr/sbin/mosquitto")).as("Mosquitto must be installed (apt-get install -y mosquitto)").exists();
        dir = TempDirs.create("suoja-mosquitto");
        port = TestBroker.freePort();
        Files.writeString(dir.resolve("passwd"),
                MosquittoPassword.line(SERVER_USER, MosquittoPassword.hash(SERVER_PASSWORD, new SecureRandom())) + "\n");
        Files.writeString(dir.resolve("acl"), String.join("\n", BrokerFiles.serverAcl(SERVER_USER,
                new fi.suoja.hardware.mqtt.Topics(topicRoot))) + "\n");
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                // As on the laptops' listener of deploy/mosquitto/suoja.conf; topic aliases stay allowed
                // (Mosquitto's default) so that the freeze test meets what any broker may do.
                "use_username_as_clientid true",
                "allow_anonymous false",
                "password_file " + dir.resolve("passwd"),
                "acl_file " + dir.resolve("acl"),
                "persistence false",
                "log_dest stdout") + "\n");
        readableByMosquitto();
        mosquitto = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Eventually.until("mosquitto to listen on " + port, this::listening, Boolean::booleanValue);
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "suoja.mqtt.enabled", true,
                "suoja.mqtt.embedded.enabled", false,
                "suoja.mqtt.url", "tcp://127.0.0.1:" + port,
                "suoja.mqtt.username", SERVER_USER,
                "suoja.mqtt.password", SERVER_PASSWORD,
                "suoja.mqtt.client-id", "test-server-" + UUID.randomUUID(),
                "suoja.mqtt.topic-root", topicRoot,
                "suoja.mqtt.session-expiry-seconds", 0), "test");
    }

    @Override
    void deviceRegistered(Api api, String admin) throws Exception {
        Api.Answer files = expect(200, api.get("/api/v1/devices/broker-files", admin));
        assertThat(files.string("aclFile")).contains("user " + SERVER_USER);
        Files.writeString(dir.resolve("passwd"), files.string("passwordFile"));
        Files.writeString(dir.resolve("acl"), files.string("aclFile"));
        readableByMosquitto();
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(mosquitto.pid())).inheritIO().start();
        assertThat(hup.waitFor(10, TimeUnit.SECONDS) && hup.exitValue() == 0).as("SIGHUP to mosquitto").isTrue();
        // Mosquitto reloads at once; should the agent still come too early, it is refused and tries again.
    }

    @AfterEach
    void stopMosquitto() throws InterruptedException {
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Mosquitto started as root drops to its own user, which must be able to read the files. */
    private void readableByMosquitto() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String file : List.of("passwd", "acl", "mosquitto.conf")) {
            if (Files.exists(dir.resolve(file))) {
                Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
