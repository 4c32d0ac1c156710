package fi.suoja.ui;

import fi.suoja.hardware.TempDirs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A kiosk-server process of one test class's own, started before its first test and stopped after
 * its last ({@code @RegisterExtension static}), with its H2 file in a folder of its own: for tests
 * that move the server's clock or need settings of their own, which the shared server must not get.
 */
public final class OwnServer implements BeforeAllCallback, AfterAllCallback {

    private final boolean offsetClock;
    private final String[] settings;
    private KioskServerProcess process;

    private OwnServer(boolean offsetClock, String... settings) {
        this.offsetClock = offsetClock;
        this.settings = settings;
    }

    /** With these settings ({@code name=value}). */
    public static OwnServer with(String... settings) {
        return new OwnServer(false, settings);
    }

    /** With a clock the test moves forward ({@link TestScene#advanceServerClock}). */
    public static OwnServer withOffsetClock(String... settings) {
        return new OwnServer(true, settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path data = TempDirs.create("suoja-" + context.getRequiredTestClass().getSimpleName());
        int port = KioskServerProcess.freePort();
        process = offsetClock ? KioskServerProcess.startOwnWithOffsetClock(port, data, settings)
                : KioskServerProcess.startOwn(port, data, settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (process != null) {
            process.stop();
        }
    }

    public KioskServerProcess process() {
        return process;
    }

    /** A library of its own on this server, as {@link TestScene#create()} makes on the shared one. */
    public TestScene newScene() {
        return TestScene.create(process.uri(), 0);
    }
}
