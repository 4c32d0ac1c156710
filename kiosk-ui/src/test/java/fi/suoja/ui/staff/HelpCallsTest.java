package fi.suoja.ui.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Section;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Help calls from the library's kiosks, on every staff page. */
class HelpCallsTest extends KaribuStaff {

    @BeforeEach
    void loggedIn() {
        logInAsAdmin();
    }

    private StaffLayout layout() {
        return _get(StaffLayout.class);
    }

    private String chimes() {
        return _get(Section.class, spec -> spec.withId("help-calls")).getElement().getAttribute("data-chimes");
    }

    @Test
    void no_open_call_shows_no_panel() {
        assertThat(has("help-calls")).isFalse();
    }

    @Test
    void a_new_call_appears_with_a_visible_alert_and_a_chime_once() {
        long id = scene.callForHelp().path("id").asLong();

        layout().refreshHelpCalls();

        assertThat(has("help-calls")).isTrue();
        assertThat(has("help-alert")).isTrue();
        assertThat(text("help-alert")).isEqualTo(t("staff.help.alert", 1));
        assertThat(text("help-call-" + id)).contains(t("staff.help.waiting"));
        assertThat(chimes()).isEqualTo("1");

        layout().refreshHelpCalls();
        assertThat(chimes()).as("a call already seen does not chime again").isEqualTo("1");
    }

    @Test
    void a_call_is_acknowledged_then_resolved() {
        long id = scene.callForHelp().path("id").asLong();
        layout().refreshHelpCalls();

        click("help-ack-" + id);

        JsonNode call = scene.openHelpCalls().get(0);
        assertThat(call.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(text("help-call-" + id)).contains(t("staff.help.acknowledgedBy", "admin"));
        assertThat(has("help-alert")).as("nobody is waiting any more").isFalse();

        click("help-resolve-" + id);

        assertThat(scene.openHelpCalls()).isEmpty();
        assertThat(has("help-calls")).isFalse();
    }

    @Test
    void the_desk_asks_for_calls_at_every_poll_of_the_page() {
        long id = scene.callForHelp().path("id").asLong();
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        assertThat(ui.getPollInterval()).isEqualTo(3000);

        com.vaadin.flow.component.ComponentUtil.fireEvent(ui, new com.vaadin.flow.component.PollEvent(ui, true));

        assertThat(has("help-call-" + id)).isTrue();
    }

    @Test
    void calls_show_on_the_devices_page_too() {
        com.vaadin.flow.component.UI.getCurrent().navigate(DevicesView.class);
        long id = scene.callForHelp().path("id").asLong();
        layout().refreshHelpCalls();
        assertThat(has("help-call-" + id)).isTrue();
    }
}
