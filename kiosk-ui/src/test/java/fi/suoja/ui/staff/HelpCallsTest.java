package fi.suoja.ui.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import fi.suoja.ui.MutableClock;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help calls from the library's kiosks, on every staff page, as the server's event stream brings
 * them: no page poll is fired in these tests, only the pushes a browser would get.
 */
class HelpCallsTest extends KaribuStaff {

    MutableClock clock;

    @BeforeEach
    void loggedIn() {
        clock = new MutableClock(Instant.now());
        StaffServices.install(new StaffServices(scene.server, clock, scene.siteId));
        logInAsAdmin();
        await("the desk follows the help calls", () -> panel().live());
    }

    /** The panel, also while it is hidden (no calls). */
    private HelpCallsPanel panel() {
        return _get(StaffLayout.class).getChildren().filter(HelpCallsPanel.class::isInstance).map(HelpCallsPanel.class::cast)
                .findFirst().orElseThrow();
    }

    private String chimes() {
        return panel().getElement().getAttribute("data-chimes");
    }

    private long call(String screen, String language) {
        JsonNode raised = scene.callForHelp(screen, language);
        long id = raised.path("id").asLong();
        await("call " + id + " on the desk", () -> has("help-call-" + id));
        createdAt = Instant.parse(raised.path("createdAt").asText());
        return id;
    }

    /** When the newest call was made, by the server's clock. */
    private Instant createdAt;

    /** The desk's clock, this long after the newest call was made. */
    private void waitedSinceTheCall(Duration waited) {
        clock.advance(Duration.between(clock.instant(), createdAt.plus(waited)));
        panel().redraw();
    }

    @Test
    void no_open_call_shows_no_panel() {
        assertThat(has("help-calls")).isFalse();
    }

    @Test
    void a_new_call_comes_live_with_the_kiosk_the_screen_the_language_and_the_time_in_the_library() {
        JsonNode raised = scene.callForHelp("ROOMS", "ar");
        long id = raised.path("id").asLong();

        await("the call on the desk", () -> has("help-call-" + id));

        String item = text("help-call-" + id);
        String askedAt = DateTimeFormatter.ofPattern("HH:mm")
                .format(Instant.parse(raised.path("createdAt").asText()).atZone(scene.zone));
        assertThat(item).contains("Lobby kiosk ")
                .contains(t("staff.help.on", t("staff.help.screen.ROOMS")))
                .contains(t("staff.help.in", t("staff.help.language.ar")))
                .contains(t("staff.help.askedAt", askedAt))
                .contains(t("staff.help.waitingNow"))
                .doesNotContain(raised.path("createdAt").asText());
        assertThat(text("help-alert")).isEqualTo(t("staff.help.alert", 1));
        assertThat(chimes()).isEqualTo("1");
    }

    @Test
    void the_waiting_time_counts_up_as_time_goes_by() {
        long id = call("START", "fi");

        waitedSinceTheCall(Duration.ofMinutes(3).plusSeconds(5));

        assertThat(text("help-state-" + id)).contains(t("staff.help.waitingFor", 3));
    }

    @Test
    void a_new_call_or_the_ticking_time_leaves_the_buttons_of_the_other_calls_where_they_are() {
        long first = call("START", "fi");
        NativeButton acknowledge = _get(NativeButton.class, spec -> spec.withId("help-ack-" + first));

        call("ROOMS", "ru");
        waitedSinceTheCall(Duration.ofMinutes(2).plusSeconds(30));

        assertThat(_get(NativeButton.class, spec -> spec.withId("help-ack-" + first)))
                .as("the same button, so a click or the keyboard's focus on it is not lost").isSameAs(acknowledge);
        assertThat(text("help-state-" + first)).as("the first call was made before the second").contains(t("staff.help.waitingFor", 2));
    }

    @Test
    void a_second_visitor_at_the_same_kiosk_is_a_new_call_with_a_chime_of_its_own() {
        long first = call("START", "fi");
        assertThat(chimes()).isEqualTo("1");

        long second = call("DONE", "uk");

        assertThat(second).isNotEqualTo(first);
        assertThat(has("help-call-" + first)).isTrue();
        assertThat(text("help-call-" + second)).contains(t("staff.help.in", t("staff.help.language.uk")));
        assertThat(chimes()).as("the second call chimes too").isEqualTo("2");
        assertThat(text("help-alert")).isEqualTo(t("staff.help.alert", 2));
    }

    @Test
    void a_call_is_acknowledged_then_resolved() {
        long id = call("CODE", "sv");

        click("help-ack-" + id);

        assertThat(scene.openHelpCalls().get(0).path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(text("help-call-" + id)).contains(t("staff.help.acknowledgedBy", "admin"));
        assertThat(has("help-alert")).as("nobody is waiting for an answer any more").isFalse();

        click("help-resolve-" + id);

        assertThat(scene.openHelpCalls()).isEmpty();
        assertThat(has("help-calls")).isFalse();
        assertThat(chimes()).as("answering does not chime").isEqualTo("1");
    }

    @Test
    void an_acknowledgement_at_another_desk_shows_here_without_a_chime() {
        long id = call("START", "fi");

        scene.acknowledgeHelp(id);

        await("the acknowledgement", () -> text("help-call-" + id).contains(t("staff.help.acknowledgedBy", "admin")));
        assertThat(has("help-ack-" + id)).isFalse();
        scene.resolveHelp(id);
        await("the call leaves the desk", () -> !has("help-calls"));
    }

    @Test
    void a_call_the_visitor_cancelled_shows_as_closed_by_the_visitor_until_seen() {
        long id = call("CONFIRM", "fi");

        scene.cancelHelp(id);

        await("the cancellation", () -> text("help-call-" + id).contains(t("staff.help.cancelled")));
        assertThat(has("help-ack-" + id)).isFalse();
        assertThat(has("help-alert")).isFalse();
        click("help-seen-" + id);
        assertThat(has("help-calls")).isFalse();
    }

    @Test
    void calls_of_another_library_do_not_show() {
        TestScene other = TestScene.create();
        long theirs = other.callForHelp().path("id").asLong();
        long ours = call("START", "fi");

        assertThat(has("help-call-" + ours)).isTrue();
        assertThat(has("help-call-" + theirs)).isFalse();
        assertThat(chimes()).isEqualTo("1");
    }

    @Test
    void calls_show_on_the_devices_page_too() {
        UI.getCurrent().navigate(DevicesView.class);
        long id = call("START", "fi");
        assertThat(has("help-call-" + id)).isTrue();
    }

    @Test
    void the_panel_speaks_the_desk_language() {
        UI.getCurrent().getSession().setLocale(Locale.forLanguageTag("fi"));
        UI.getCurrent().refreshCurrentRoute(true);
        await("the desk follows the help calls again", () -> panel().live());

        long id = call("ROOMS", "so");

        assertThat(text("help-call-" + id)).contains("Näkymä: tilan valinta").contains("Kieli: somali")
                .contains("odottanut alle minuutin");
    }
}
