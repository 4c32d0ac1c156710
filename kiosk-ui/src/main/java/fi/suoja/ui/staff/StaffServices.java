package fi.suoja.ui.staff;

import com.vaadin.flow.server.VaadinService;
import fi.suoja.ui.KioskConfig;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * What the staff desk needs from outside: the server's address, a clock, how often door alerts are
 * asked for (help calls come as events), and the library a desk PC belongs to ({@code null}: the first the server lists, and
 * staff can choose another). Kept in the Vaadin context (no static state); tests install their own.
 */
public record StaffServices(URI server, Clock clock, Duration alertPoll, Long siteId) {

    public static StaffServices fromConfig(KioskConfig config) {
        String site = System.getProperty("suoja.staff.site.id", System.getenv("SUOJA_STAFF_SITE_ID"));
        return new StaffServices(config.serverUrl(), Clock.systemUTC(), Duration.ofSeconds(3),
                site == null || site.isBlank() ? null : Long.valueOf(site.strip()));
    }

    public static StaffServices current() {
        return VaadinService.getCurrent().getContext()
                .getAttribute(StaffServices.class, () -> fromConfig(KioskConfig.fromEnvironment()));
    }

    public static void install(StaffServices services) {
        VaadinService.getCurrent().getContext().setAttribute(StaffServices.class, services);
    }
}
