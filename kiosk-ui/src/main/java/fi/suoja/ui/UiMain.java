package fi.suoja.ui;

import com.github.mvysny.vaadinboot.VaadinBoot;
import fi.suoja.hardware.printer.MissingFontException;
import fi.suoja.hardware.printer.ReceiptImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/** Starts the kiosk UI in embedded Jetty. Configuration: see {@link KioskConfig}. */
public final class UiMain {

    private static final Logger LOG = LoggerFactory.getLogger(UiMain.class);

    private UiMain() {
    }

    public static void main(String[] args) throws Exception {
        KioskConfig config = KioskConfig.fromEnvironment();
        if (config.kioskToken().isEmpty()) {
            System.err.println("Set SUOJA_KIOSK_TOKEN to the kiosk's token (ki_…); an admin makes one with POST /api/v1/kiosks.");
            System.exit(2);
        }
        try {
            // receipts in Arabic and Cyrillic are drawn: say now, not at a visitor's first receipt, if no font can
            ReceiptImage.requireFont();
        } catch (MissingFontException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        expandClassPathFromManifest();
        new WarmedBoot().withPort(config.port()).openBrowserInDevMode(false).run();
    }

    /** Vaadin Boot that opens the kiosk page once ({@link WarmUp}) as soon as Jetty has started. */
    static final class WarmedBoot extends VaadinBoot {

        /** What the warm-up did, or null while it has not (or could not) open the page. */
        volatile WarmUp.Result warmed;

        @Override
        public synchronized void start() throws Exception {
            // before Jetty answers anything: /health must never be UP before the page is warm
            WarmUp.warming(true);
            try {
                super.start();
                warmUp();
            } finally {
                WarmUp.warming(false);
            }
        }

        private void warmUp() throws InterruptedException {
            URI self = URI.create("http://127.0.0.1:" + getPort() + "/");
            try {
                warmed = WarmUp.openKioskOnce(self);
                LOG.info("Warmed up: the kiosk page, opened once, showed its {} screen in {} ms", warmed.screen(),
                        warmed.took().toMillis());
            } catch (IOException | RuntimeException e) {
                // only the first visitor's page is slower: nothing to stop for
                LOG.warn("Could not open the kiosk page once to warm up: {}", e.toString());
            }
        }
    }

    /**
     * With {@code java -jar kiosk-ui.jar} the class path is that one jar, and Jetty looks only there
     * for Vaadin's initializers and the routes. The jar's manifest names its libraries in
     * {@code lib/}; they are added to {@code java.class.path} so Jetty scans them as with {@code -cp}.
     */
    static void expandClassPathFromManifest() throws IOException {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return;
        }
        File jar = new File(classPath).getAbsoluteFile();
        try (JarFile file = new JarFile(jar)) {
            String libraries = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (libraries == null) {
                return;
            }
            StringBuilder expanded = new StringBuilder(jar.getPath());
            for (String library : libraries.trim().split("\\s+")) {
                expanded.append(File.pathSeparator).append(new File(jar.getParentFile(), library).getPath());
            }
            System.setProperty("java.class.path", expanded.toString());
        }
    }
}
