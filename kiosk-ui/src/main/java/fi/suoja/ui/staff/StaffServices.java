package fi.suoja.ui.staff;

import com.vaadin.flow.server.VaadinService;
import fi.suoja.ui.KioskConfig;

import java.net.URI;
import java.time.Clock;

/**
 * What the staff desk needs from outside: the server's address, a clock, and the library a desk PC
 * belongs to ({@code null}: the first the server lists, and staff can choose another). Help calls
 * and door alerts come as the server's events, so nothing here says how often to ask. Kept in the
 * Vaadin context (no static state); tests install their own.
 */
public record StaffServices(URI server, Clock clock, Long siteId) {

    public static StaffServices fromConfig(KioskConfig config) {
        String site = System.getProperty("suoja.staff.site.id", System.getenv("SUOJA_STAFF_SITE_ID"));
        return new StaffServices(config.serverUrl(), Clock.systemUTC(),
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
