package fi.suoja.ui.staff;

import com.vaadin.flow.server.VaadinService;
import fi.suoja.ui.KioskConfig;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * What the staff desk needs from outside: the server's address, a clock, and how often help calls
 * are asked for. Kept in the Vaadin context (no static state); tests install their own.
 */
public record StaffServices(URI server, Clock clock, Duration helpCallPoll) {

    public static StaffServices fromConfig(KioskConfig config) {
        return new StaffServices(config.serverUrl(), Clock.systemUTC(), Duration.ofSeconds(3));
    }

    public static StaffServices current() {
        return VaadinService.getCurrent().getContext()
                .getAttribute(StaffServices.class, () -> fromConfig(KioskConfig.fromEnvironment()));
    }

    public static void install(StaffServices services) {
        VaadinService.getCurrent().getContext().setAttribute(StaffServices.class, services);
    }
}
