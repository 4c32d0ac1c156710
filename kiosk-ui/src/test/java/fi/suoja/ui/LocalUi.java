package fi.suoja.ui;

import com.github.mvysny.vaadinboot.VaadinBoot;

import java.net.URI;

/**
 * kiosk-ui started in the test's own JVM on a free port, pointed at a {@link TestScene}'s server,
 * kiosk token and site (the staff desk's), as the browser tests use it. Further {@code suoja.*}
 * system properties are set by the test before {@link #start}.
 */
public final class LocalUi {

    private final VaadinBoot boot;
    /** Where a browser opens it, e.g. {@code http://localhost:41234/}. */
    public final String base;

    private LocalUi(VaadinBoot boot, String base) {
        this.boot = boot;
        this.base = base;
    }

    public static LocalUi start(TestScene scene) throws Exception {
        int port = KioskServerProcess.freePort();
        System.setProperty("suoja.server.url", scene.server.toString());
        System.setProperty("suoja.kiosk.token", scene.kioskToken);
        System.setProperty("suoja.staff.site.id", Long.toString(scene.siteId));
        VaadinBoot boot = new VaadinBoot().withPort(port).localhostOnly().openBrowserInDevMode(false);
        boot.start();
        return new LocalUi(boot, "http://localhost:" + port + "/");
    }

    /**
     * kiosk-ui as UiMain starts it, on this port, for this kiosk server and kiosk token: it has
     * opened its kiosk page once ({@link WarmUp}) when this returns.
     */
    static UiMain.WarmedBoot startWarmed(URI server, String kioskToken, int port) throws Exception {
        System.setProperty("suoja.server.url", server.toString());
        System.setProperty("suoja.kiosk.token", kioskToken);
        UiMain.WarmedBoot boot = new UiMain.WarmedBoot();
        boot.withPort(port).localhostOnly().openBrowserInDevMode(false);
        boot.start();
        return boot;
    }

    /** Stops it, saying why, and forgets the staff desk's site. */
    public void stop(String why) {
        System.clearProperty("suoja.staff.site.id");
        boot.stop(why);
    }
}
