package fi.suoja.ui.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import fi.suoja.ui.server.Equipment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Rooms for an administrator: add, edit, weekly hours, exception days, each read back from the server. */
class AdminRoomsTest extends KaribuStaff {

    private void rooms() {
        logInAsAdmin();
        UI.getCurrent().navigate(AdminRoomsView.class);
    }

    private JsonNode serverRoom(String name) {
        for (JsonNode room : scene.adminGet("/api/v1/sites/" + scene.siteId + "/rooms")) {
            if (room.path("name").asText().equals(name)) {
                return room;
            }
        }
        return null;
    }

    private void type(String id, String value) {
        _setValue(_get(TextField.class, spec -> spec.withId(id)), value);
    }

    @Test
    void an_admin_adds_a_room_with_all_its_details() {
        rooms();
        click("room-new");
        type("room-name", "Quiet room");
        type("room-place", "3rd floor, by the music shelves");
        _setValue(_get(IntegerField.class, spec -> spec.withId("room-capacity")), 4);
        _setValue(_get(Checkbox.class, spec -> spec.withId("room-step-free")), true);
        @SuppressWarnings("unchecked")
        CheckboxGroup<Equipment> equipment = _get(CheckboxGroup.class, spec -> spec.withId("room-equipment"));
        _setValue(equipment, Set.of(Equipment.COMPUTER, Equipment.INDUCTION_LOOP));
        type("room-lock", "lock-quiet");
        _setValue(_get(Checkbox.class, spec -> spec.withId("room-keypad")), true);
        type("room-sign", "sign-quiet");
        click("room-save");

        JsonNode room = serverRoom("Quiet room");
        assertThat(room).as("the room is on the server").isNotNull();
        assertThat(room.path("place").asText()).isEqualTo("3rd floor, by the music shelves");
        assertThat(room.path("capacity").asInt()).isEqualTo(4);
        assertThat(room.path("stepFree").asBoolean()).isTrue();
        assertThat(room.path("equipment").toString()).contains("COMPUTER").contains("INDUCTION_LOOP").doesNotContain("WEBCAM");
        assertThat(room.path("doorLockId").asText()).isEqualTo("lock-quiet");
        assertThat(room.path("keypad").asBoolean()).isTrue();
        assertThat(room.path("roomSignId").asText()).isEqualTo("sign-quiet");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.rooms.created", "Quiet room"));
        assertThat(has("room-" + room.path("id").asLong())).isTrue();
    }

    @Test
    void a_room_name_the_library_has_already_is_refused_in_words_and_the_form_keeps_the_input() {
        rooms();
        click("room-new");
        type("room-name", "Room 1");
        type("room-place", "Somewhere else");
        click("room-save");

        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.exists.room"));
        assertThat(_get(TextField.class, spec -> spec.withId("room-place")).getValue()).isEqualTo("Somewhere else");
        assertThat(scene.adminGet("/api/v1/sites/" + scene.siteId + "/rooms")).hasSize(2);
    }

    @Test
    void an_admin_edits_a_room_and_clears_its_lock() {
        rooms();
        click("room-edit-" + scene.equippedRoom);
        type("room-name", "Room 1 (renamed)");
        type("room-lock", "");
        _setValue(_get(Checkbox.class, spec -> spec.withId("room-keypad")), false);
        click("room-save");

        JsonNode room = scene.adminGet("/api/v1/rooms/" + scene.equippedRoom);
        assertThat(room.path("name").asText()).isEqualTo("Room 1 (renamed)");
        assertThat(room.hasNonNull("doorLockId")).isFalse();
        assertThat(room.path("keypad").asBoolean()).isFalse();
        assertThat(room.path("place").asText()).isEqualTo("2nd floor, next to the newspapers");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.rooms.saved", "Room 1 (renamed)"));
    }

    @Test
    void an_admin_writes_the_room_in_other_languages_and_the_desk_shows_it_in_the_desks_language() {
        rooms();
        click("room-edit-" + scene.equippedRoom);
        type("room-name-sv", "Rum 1");
        type("room-place-sv", "Våning 2, bredvid tidningarna");
        type("room-name-ar", "الغرفة 1");
        click("room-save");

        JsonNode room = scene.adminGet("/api/v1/rooms/" + scene.equippedRoom);
        assertThat(room.path("name").asText()).as("the first language's name is as it was").isEqualTo("Room 1");
        assertThat(room.path("names").path("sv").asText()).isEqualTo("Rum 1");
        assertThat(room.path("names").path("ar").asText()).isEqualTo("الغرفة 1");
        assertThat(room.path("places").path("sv").asText()).isEqualTo("Våning 2, bredvid tidningarna");
        assertThat(room.path("places").has("ar")).as("an empty field is no text").isFalse();
        assertThat(_get(TextField.class, spec -> spec.withId("room-name-sv")).getValue()).isEqualTo("Rum 1");
        assertThat(_get(TextField.class, spec -> spec.withId("room-name-ar")).getElement().getAttribute("lang")).isEqualTo("ar");

        type("room-name-ar", "");
        click("room-save");
        assertThat(scene.adminGet("/api/v1/rooms/" + scene.equippedRoom).path("names").has("ar")).isFalse();

        UI.getCurrent().getSession().setLocale(java.util.Locale.forLanguageTag("sv"));
        UI.getCurrent().navigate(TodayView.class);
        assertThat(_get(TodayView.class).getElement().getTextRecursively()).contains("Rum 1");
        UI.getCurrent().navigate(AdminRoomsView.class);
        assertThat(text("room-" + scene.equippedRoom)).contains("Rum 1").doesNotContain("Room 1");
        UI.getCurrent().getSession().setLocale(java.util.Locale.forLanguageTag("fi"));
        UI.getCurrent().navigate(TodayView.class);
        assertThat(_get(TodayView.class).getElement().getTextRecursively()).as("no Finnish text: the first language's")
                .contains("Room 1");
    }

    @Test
    void weekly_hours_are_set_per_weekday_and_an_unticked_day_is_closed() {
        rooms();
        click("room-edit-" + scene.bareRoom);
        _setValue(_get(Checkbox.class, spec -> spec.withId("hours-open-SUNDAY")), false);
        _setValue(_get(TimePicker.class, spec -> spec.withId("hours-opens-MONDAY")), LocalTime.of(9, 0));
        _setValue(_get(TimePicker.class, spec -> spec.withId("hours-closes-MONDAY")), LocalTime.of(17, 30));
        click("hours-save");

        List<String> week = new ArrayList<>();
        for (JsonNode h : scene.adminGet("/api/v1/rooms/" + scene.bareRoom).path("hours")) {
            week.add(h.path("weekday").asText() + " " + LocalTime.parse(h.path("opens").asText()) + "-" + LocalTime.parse(h.path("closes").asText()));
        }
        assertThat(week).hasSize(6).contains("MONDAY 09:00-17:30", "TUESDAY 06:00-22:00")
                .noneMatch(day -> day.startsWith("SUNDAY"));
        assertThat(_get(Checkbox.class, spec -> spec.withId("hours-open-SUNDAY")).getValue()).isFalse();
    }

    @Test
    void hours_that_close_before_they_open_are_refused_in_words_and_change_nothing() {
        rooms();
        click("room-edit-" + scene.bareRoom);
        _setValue(_get(TimePicker.class, spec -> spec.withId("hours-opens-MONDAY")), LocalTime.of(18, 0));
        _setValue(_get(TimePicker.class, spec -> spec.withId("hours-closes-MONDAY")), LocalTime.of(9, 0));
        click("hours-save");

        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.invalid.hours"));
        assertThat(_get(TimePicker.class, spec -> spec.withId("hours-opens-MONDAY")).getValue()).isEqualTo(LocalTime.of(18, 0));
        assertThat(scene.adminGet("/api/v1/rooms/" + scene.bareRoom).path("hours").toString()).contains("06:00").doesNotContain("18:00");
    }

    @Test
    void exception_days_are_added_closed_or_with_other_hours_and_removed() {
        LocalDate holiday = LocalDate.now().plusDays(20);
        LocalDate shortDay = holiday.plusDays(1);
        rooms();
        click("room-edit-" + scene.bareRoom);
        _setValue(_get(DatePicker.class, spec -> spec.withId("day-date")), holiday);
        _setValue(_get(TextField.class, spec -> spec.withId("day-note")), "Holiday");
        click("day-add");
        _setValue(_get(DatePicker.class, spec -> spec.withId("day-date")), shortDay);
        _setValue(_get(Checkbox.class, spec -> spec.withId("day-closed")), false);
        _setValue(_get(TimePicker.class, spec -> spec.withId("day-opens")), LocalTime.of(10, 0));
        _setValue(_get(TimePicker.class, spec -> spec.withId("day-closes")), LocalTime.of(14, 0));
        click("day-add");

        JsonNode days = scene.adminGet("/api/v1/rooms/" + scene.bareRoom).path("exceptions");
        assertThat(days).hasSize(2);
        assertThat(days.toString()).contains("\"date\":\"" + holiday + "\",\"closed\":true")
                .contains("Holiday").contains("\"date\":\"" + shortDay + "\",\"closed\":false,\"opens\":\"10:00:00\",\"closes\":\"14:00:00\"");
        assertThat(has("day-" + holiday)).isTrue();

        click("day-remove-" + holiday);
        days = scene.adminGet("/api/v1/rooms/" + scene.bareRoom).path("exceptions");
        assertThat(days).hasSize(1);
        assertThat(days.get(0).path("date").asText()).isEqualTo(shortDay.toString());
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.days.removed", Desk.date(holiday)));
    }

    @Test
    void an_exception_day_with_hours_off_the_five_minute_grid_is_refused_in_words() {
        LocalDate day = LocalDate.now().plusDays(25);
        rooms();
        click("room-edit-" + scene.bareRoom);
        _setValue(_get(DatePicker.class, spec -> spec.withId("day-date")), day);
        _setValue(_get(Checkbox.class, spec -> spec.withId("day-closed")), false);
        _setValue(_get(TimePicker.class, spec -> spec.withId("day-opens")), LocalTime.of(10, 3));
        click("day-add");

        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.invalid.day"));
        assertThat(scene.adminGet("/api/v1/rooms/" + scene.bareRoom).path("exceptions")).isEmpty();
        assertThat(_get(DatePicker.class, spec -> spec.withId("day-date")).getValue()).isEqualTo(day);
    }

    @Test
    void a_staff_member_is_told_the_page_is_for_administrators_and_sees_no_admin_link() {
        logIn(scene.staffAccount(), fi.suoja.ui.TestScene.STAFF_PASSWORD);
        assertThat(has("nav-admin")).isFalse();
        UI.getCurrent().navigate(AdminRoomsView.class);
        assertThat(text("admin-refused")).isEqualTo(t("staff.admin.onlyAdmins"));
        assertThat(has("room-new")).isFalse();
    }

    @Test
    void an_admin_reaches_the_rooms_through_the_admin_link() {
        logInAsAdmin();
        assertThat(has("nav-admin")).isTrue();
        _get(com.vaadin.flow.router.RouterLink.class, spec -> spec.withId("nav-admin"));
        UI.getCurrent().navigate("staff/admin/rooms");
        assertThat(at()).isEqualTo(AdminRoomsView.class);
        assertThat(has("room-" + scene.equippedRoom)).isTrue();
    }
}
