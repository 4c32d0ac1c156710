package fi.suoja.ui;

import com.github.mvysny.vaadinboot.VaadinBoot;

/** Starts the kiosk UI in embedded Jetty. Configuration: see {@link KioskConfig}. */
public final class UiMain {

    private UiMain() {
    }

    public static void main(String[] args) throws Exception {
        KioskConfig config = KioskConfig.fromEnvironment();
        if (config.kioskToken().isEmpty()) {
            System.err.println("Set SUOJA_KIOSK_TOKEN to the kiosk's token (ki_…); an admin makes one with POST /api/v1/kiosks.");
            System.exit(2);
        }
        new VaadinBoot().withPort(config.port()).openBrowserInDevMode(false).run();
    }
}
