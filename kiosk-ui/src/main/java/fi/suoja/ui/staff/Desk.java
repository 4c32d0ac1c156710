package fi.suoja.ui.staff;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.ConnectionTexts;
import fi.suoja.ui.server.NotLoggedIn;
import fi.suoja.ui.server.ServerProblem;
import fi.suoja.ui.server.ServerUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every staff page shares: running an action so that any failure is said in plain words, a
 * lost session sends the user to the login page, and the building blocks buttons are made of.
 */
final class Desk {

    /** CSS class of text that comes from data (codes, names, times, the server's own words), not from translations. */
    static final String DATA = "data";
    private static final Logger LOG = LoggerFactory.getLogger(Desk.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final java.util.Set<String> NOT_CLEAN_STATES = java.util.Set.of("IN_SESSION", "WIPING", "DIRTY");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d.M. HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    private Desk() {
    }

    /**
     * Runs {@code action}; returns whether it worked. A refusal or a lost server is handed to
     * {@code say} in the user's language; an ended session leads to the login page.
     */
    static boolean act(Component where, Consumer<String> say, Runnable action) {
        try {
            action.run();
            return true;
        } catch (NotLoggedIn e) {
            LOG.info("Staff session ended: {}", e.getMessage());
            StaffSession.end("staff.login.expired");
            UI.getCurrent().navigate(LoginView.class);
        } catch (ServerProblem problem) {
            LOG.info("Staff action refused: {}", problem.getMessage());
            say.accept(explain(where, problem));
        } catch (ServerUnreachable e) {
            LOG.warn("Server unreachable: {}", e.getMessage());
            say.accept(where.getTranslation("staff.problem.unreachable"));
        }
        return false;
    }

    /** A refusal in words staff understand, by its problem type; a device's state is named and explained. */
    static String explain(Component where, ServerProblem problem) {
        return switch (problem.type()) {
            case "device-not-ready", "wrong-device-state" -> problem.state() == null
                    ? where.getTranslation("staff.problem.device")
                    : where.getTranslation("staff.problem.deviceState",
                    where.getTranslation("staff.state." + problem.state()), where.getTranslation("staff.why." + problem.state()));
            // the laptop's own agent says it is not clean (state: IN_SESSION, WIPING or DIRTY), whatever its row says
            case "device-not-clean" -> where.getTranslation(problem.state() == null
                    || !NOT_CLEAN_STATES.contains(problem.state()) ? "staff.problem.notClean" : "staff.problem.notClean." + problem.state());
            case "unknown-device" -> where.getTranslation("staff.problem.unknownDevice");
            case "booking-not-found" -> where.getTranslation("staff.problem.noBooking");
            case "wrong-booking-state" -> where.getTranslation("staff.problem.bookingState");
            case "device-busy" -> where.getTranslation("staff.problem.busy");
            case "not-allowed" -> where.getTranslation("staff.problem.notAllowed");
            case "invalid-request" -> where.getTranslation("staff.problem.invalid");
            case "lock-unreachable" -> where.getTranslation("staff.problem.lock");
            default -> where.getTranslation("staff.problem.other");
        };
    }

    static NativeButton button(String id, VaadinIcon icon, String words, Runnable action) {
        NativeButton button = new NativeButton();
        button.setId(id);
        button.addClassName("desk-button");
        Icon glyph = icon.create();
        glyph.getElement().setAttribute("aria-hidden", "true");
        glyph.addClassName("icon");
        button.add(glyph, new Span(words));
        button.addClickListener(click -> action.run());
        return button;
    }

    static Span data(String value) {
        Span span = new Span(value);
        span.addClassName(DATA);
        return span;
    }

    /** A plain message, read out by screen readers when it changes. */
    static Paragraph notice(String id) {
        Paragraph notice = new Paragraph();
        notice.setId(id);
        notice.addClassName("desk-notice");
        notice.getElement().setAttribute("role", "status");
        notice.setVisible(false);
        return notice;
    }

    /** Vaadin's connection strip in the desk's words, in the language of {@code words}. */
    static void connectionTexts(UI ui, Function<String, String> words) {
        ConnectionTexts.apply(ui, words.apply("staff.connection.reconnecting"), words.apply("staff.connection.offline"),
                words.apply("staff.connection.online"));
    }

    static void say(Paragraph notice, String words) {
        notice.setText(words);
        notice.setVisible(true);
    }

    /** Day and time, for what may be days ago. */
    static String day(Instant instant, ZoneId zone) {
        return instant == null ? "–" : DAY_TIME.format(instant.atZone(zone));
    }

    /** A date as the desk writes dates (not ISO's 2026-12-24). */
    static String date(java.time.LocalDate date) {
        return date == null ? "–" : DATE.format(date);
    }

    /**
     * How long something took, in the words of {@code where}'s language: seconds (with a tenth under
     * ten seconds), minutes and seconds, or hours and minutes.
     */
    static String duration(Component where, long millis) {
        long ms = Math.max(0, millis);
        if (ms < 60_000) {
            String seconds = ms < 10_000 ? seconds(ms) : Long.toString(ms / 1000);
            return where.getTranslation("staff.duration.seconds", seconds);
        }
        long minutes = ms / 60_000;
        if (minutes < 60) {
            return where.getTranslation("staff.duration.minutes", Long.toString(minutes), Long.toString(ms / 1000 % 60));
        }
        return where.getTranslation("staff.duration.hours", Long.toString(minutes / 60), Long.toString(minutes % 60));
    }

    /** Seconds with a tenth, with the decimal sign of the desk's language (0,3 in Finnish and Swedish). */
    static String seconds(long millis) {
        return String.format(UI.getCurrent() == null ? java.util.Locale.ROOT : UI.getCurrent().getLocale(), "%.1f", millis / 1000.0);
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "–" : TIME.format(instant.atZone(zone));
    }
}
