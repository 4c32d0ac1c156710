package fi.suoja.ui.staff;

import fi.suoja.ui.OwnServer;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Doors that do not answer, as the desk sees them: a server of its own drives Zigbee2MQTT locks
 * over its embedded broker where no lock (and no Zigbee2MQTT) listens, with one short try per
 * task, so a booking's door code fails at once and staff are alerted; opening the door from the
 * desk is refused in words.
 */
class DoorAlertsTest extends KaribuStaff {

    /** A server whose locks never answer: one try, a second to answer, a door task every second. */
    @RegisterExtension
    static final OwnServer SERVER = OwnServer.with(
            "suoja.hardware.locks=zigbee2mqtt",
            "suoja.hardware.zigbee2mqtt.answer-timeout=1s",
            "suoja.hardware.zigbee2mqtt.attempts=1",
            "suoja.doors.max-attempts=1",
            "suoja.jobs.door-interval=1s");

    @Override
    TestScene newScene() {
        return SERVER.newScene();
    }

    @Test
    void a_door_code_the_lock_never_took_raises_an_alert_on_every_page_until_seen() {
        logInAsAdmin();
        assertThat(has("door-alerts")).as("no alert before anything failed").isFalse();

        scene.bookNowElsewhere(scene.equippedRoom, 30);
        // no page poll: the alert comes as the server's event, pushed as a browser would get it
        await("the alert about the door code", () -> has("door-alerts"));
        assertThat(text("door-alerts")).contains("Room 1").contains("did not take the door code");

        com.vaadin.flow.component.UI.getCurrent().navigate(DevicesView.class);
        assertThat(has("door-alerts")).as("on every page").isTrue();

        String item = com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.ListItem.class).stream()
                .map(li -> li.getId().orElse("")).filter(itemId -> itemId.startsWith("alert-")).findFirst().orElseThrow();
        click("alert-ack-" + item.substring("alert-".length()));
        assertThat(has("door-alerts")).as("seen alerts leave the desk").isFalse();
    }

    @Test
    void opening_a_door_whose_lock_does_not_answer_is_refused_in_words() {
        logInAsAdmin();
        click("unlock-" + scene.equippedRoom);
        click("confirm-yes");
        assertThat(text("today-notice")).isEqualTo(t("staff.problem.lock"));
    }
}
