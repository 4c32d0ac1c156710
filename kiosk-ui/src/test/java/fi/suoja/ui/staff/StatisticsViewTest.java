package fi.suoja.ui.staff;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.ui.KioskServerProcess;
import fi.suoja.ui.server.SiteStatistics;
import fi.suoja.ui.server.StaffClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics page against the real server. The scene's day: a booking of Room 1 now for 30
 * minutes, checked in, with a headset lent to it; a booking of Room 2 now, cancelled. Both rooms
 * are open 06–22 (960 minutes).
 */
class StatisticsViewTest extends KaribuStaff {

    private StaffClient server;
    private LocalDate today;
    private String checkedIn;

    @BeforeEach
    void theDay() {
        server = new StaffClient(scene.server, StaffClient.login(scene.server, "admin", KioskServerProcess.ADMIN_PASSWORD).token());
        checkedIn = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();
        server.checkIn(checkedIn);
        String cancelled = scene.bookNowElsewhere(scene.bareRoom, 30).path("code").asText();
        scene.cancelElsewhere(cancelled);
        String headset = scene.readyAccessory("HEADSET");
        scene.handOutElsewhere(headset, checkedIn);
        today = Instant.now().atZone(scene.zone).toLocalDate();
        logInAsAdmin();
        UI.getCurrent().navigate(StatisticsView.class);
    }

    @Test
    void the_page_is_linked_from_every_staff_page_and_shows_today() {
        UI.getCurrent().navigate(TodayView.class);
        assertThat(has("nav-statistics")).isTrue();
        UI.getCurrent().navigate("staff/statistics");
        assertThat(at()).isEqualTo(StatisticsView.class);
        assertThat(_get(DatePicker.class, spec -> spec.withId("stats-from")).getValue()).isEqualTo(today);
        assertThat(_get(DatePicker.class, spec -> spec.withId("stats-to")).getValue()).isEqualTo(today);
    }

    @Test
    void the_days_numbers_are_the_ones_the_scene_made() {
        assertThat(text("stat-total")).endsWith("2");
        assertThat(text("stat-checked-in")).endsWith("1");
        assertThat(text("stat-no-shows")).endsWith("0");
        assertThat(text("stat-no-show-rate")).endsWith("0.0 %");
        assertThat(text("stat-cancelled")).endsWith("1");
        assertThat(text("stat-ended-early")).endsWith("0");
        assertThat(text("stat-loans-HEADSET")).isEqualTo(t("staff.kind.HEADSET") + "1");
        assertThat(text("stat-loans-LAPTOP")).endsWith("0");
        assertThat(text("stat-wipes-checks")).endsWith("1");
        assertThat(text("stat-wipes-ok")).endsWith("0");
        assertThat(text("stat-wipes-p50")).endsWith("–");
        assertThat(text("stat-language-unknown")).isEqualTo("unknown2");

        // Room 1: open 06–22, booked for 30 minutes from now
        String room1 = text("day-" + scene.equippedRoom + "-" + today);
        assertThat(room1).startsWith("Room 1").contains("960").contains("30").endsWith("3.1 %");
        // Room 2's booking held the room from its start until it was cancelled: as the server counted it
        SiteStatistics.RoomDay room2 = server.statistics(scene.siteId, today, today, "en").days().stream()
                .filter(d -> d.roomId() == scene.bareRoom).findFirst().orElseThrow();
        assertThat(text("day-" + scene.bareRoom + "-" + today)).endsWith(room2.bookedMinutes() + String.format(Locale.ENGLISH, "%.1f %%", room2.occupancyPercent()));

        int hour = Instant.now().atZone(scene.zone).getHour();
        assertThat(has("hour-" + scene.equippedRoom + "-" + hour)).isTrue();
        assertThat(has("hour-" + scene.equippedRoom + "-3")).as("closed at 3 o'clock: no row").isFalse();
        NativeTable days = _get(NativeTable.class, spec -> spec.withId("stats-days"));
        assertThat(days.getCaptionText()).isEqualTo(t("staff.stats.days.caption"));
        assertThat(days.getHead().getRows().get(0).getHeaderCells()).hasSize(5)
                .allMatch(cell -> "col".equals(cell.getElement().getAttribute("scope")));
        assertThat(text("stats-days")).doesNotContain(checkedIn);
    }

    @Test
    void the_csv_download_is_the_servers_csv_of_the_chosen_days() {
        Anchor csv = _get(Anchor.class, spec -> spec.withId("stats-csv"));
        assertThat(csv.getElement().getAttribute("download")).endsWith(".csv");
        String downloaded = new String(DownloadKt._download(csv), StandardCharsets.UTF_8);
        assertThat(downloaded).startsWith("\uFEFFsection,room_id,room,date,hour,measure,value\r\n")
                .contains("\r\nbookings,,,,,total,2\r\n")
                .contains("\r\nbookings,,,,,cancelled,1\r\n")
                .contains("\r\nloans,,,,,HEADSET,1\r\n")
                .contains("\r\nroom_day," + scene.equippedRoom + ",Room 1," + today + ",,booked_minutes,30\r\n")
                .doesNotContain(checkedIn);
        assertThat(downloaded).isEqualTo(new String(server.statisticsCsv(scene.siteId, today, today, "en"), StandardCharsets.UTF_8));
    }

    @Test
    void each_picture_is_the_servers_svg_with_words_for_those_who_cannot_see_it_and_its_numbers_in_a_table() {
        for (String chart : new String[] {"occupancy", "bookings", "loans", "wipes"}) {
            com.vaadin.flow.component.html.Image picture = _get(com.vaadin.flow.component.html.Image.class,
                    spec -> spec.withId("chart-" + chart));
            assertThat(picture.getAlt()).as(chart).hasValueSatisfying(alt -> assertThat(alt).isNotBlank());
            String svg = new String(DownloadKt.download(picture), StandardCharsets.UTF_8);
            assertThat(svg).as(chart).startsWith("<svg").contains("viewBox");
        }
        assertThat(_get(com.vaadin.flow.component.html.Image.class, spec -> spec.withId("chart-occupancy")).getAlt())
                .contains(t("staff.stats.occupancy.alt"));

        int hour = Instant.now().atZone(scene.zone).getHour();
        NativeTable week = _get(NativeTable.class, spec -> spec.withId("stats-week"));
        assertThat(week.getCaptionText()).isEqualTo(t("staff.stats.occupancy.caption"));
        String weekday = today.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        assertThat(text("week-" + today.getDayOfWeek())).startsWith(weekday);
        assertThat(text("stats-week")).contains(String.format(Locale.ROOT, "%02d", hour));

        assertThat(text("per-day-" + today)).endsWith("21");
        assertThat(_get(NativeTable.class, spec -> spec.withId("stats-per-day")).getCaptionText())
                .isEqualTo(t("staff.stats.perDay.caption"));
        assertThat(text("wipe-time-0")).startsWith("≤ 10 s");
        assertThat(text("stats-wipe-times")).contains("> 10 min");
    }

    @Test
    void the_finnish_desk_words_the_pictures_and_tables_in_finnish() {
        UI.getCurrent().getSession().setLocale(Locale.forLanguageTag("fi"));
        UI.getCurrent().refreshCurrentRoute(true);
        assertThat(text("stats-occupancy")).contains("Käyttöaste viikonpäivän ja tunnin mukaan");
        assertThat(text("week-" + today.getDayOfWeek())).startsWith(
                today.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.forLanguageTag("fi")));
        assertThat(text("stats-results")).doesNotContain("Bookings").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
    }

    @Test
    void another_range_is_asked_for_and_a_backward_range_is_refused_in_plain_words() {
        _setValue(_get(DatePicker.class, spec -> spec.withId("stats-from")), today.minusDays(1));
        _setValue(_get(DatePicker.class, spec -> spec.withId("stats-to")), today.minusDays(1));
        click("stats-show");
        assertThat(text("stat-total")).endsWith("0");
        assertThat(has("day-" + scene.equippedRoom + "-" + today.minusDays(1))).isTrue();

        _setValue(_get(DatePicker.class, spec -> spec.withId("stats-to")), today.minusDays(2));
        click("stats-show");
        assertThat(text("stats-notice")).isEqualTo(t("staff.stats.badRange"));
    }

    @Test
    void each_room_has_a_calendar_address_that_a_calendar_app_can_read() throws Exception {
        TextField url = _get(TextField.class, spec -> spec.withId("calendar-url-" + scene.equippedRoom));
        assertThat(url.isReadOnly()).isTrue();
        assertThat(url.getValue()).startsWith(scene.server.resolve("/api/v1/rooms/" + scene.equippedRoom + "/calendar.ics?key=").toString());
        assertThat(url.getLabel()).isEqualTo(t("staff.stats.calendars.label", "Room 1"));
        assertThat(has("calendar-copy-" + scene.equippedRoom)).isTrue();

        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(url.getValue())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:Room 1: Checked in\r\n")
                .doesNotContain(checkedIn).doesNotContain(checkedIn.replace("-", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void every_heading_caption_and_label_is_a_staff_translation(String tag) {
        UI.getCurrent().getSession().setLocale(Locale.forLanguageTag(tag));
        UI.getCurrent().refreshCurrentRoute(true);
        java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("vaadin-i18n.translations", Locale.forLanguageTag(tag));
        java.util.Set<String> staffTexts = new java.util.HashSet<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("staff.")) {
                staffTexts.add(bundle.getString(key));
            }
        }
        java.util.List<String> texts = new java.util.ArrayList<>();
        collect(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0).getElement(), texts);
        assertThat(texts).hasSizeGreaterThan(20);
        assertThat(texts).allMatch(staffTexts::contains);
    }

    /** Texts of headings, captions, header cells and buttons; data (rooms, numbers) is in {@link Desk#DATA} spans. */
    private static void collect(com.vaadin.flow.dom.Element element, java.util.List<String> texts) {
        if (element.isTextNode() || element.getClassList().contains(Desk.DATA)) {
            return;
        }
        if (java.util.Set.of("h1", "h2", "caption", "th", "button").contains(element.getTag())) {
            String text = element.getTextRecursively().strip();
            if (!text.isEmpty() && element.getChildren().noneMatch(c -> !c.isTextNode() && c.getClassList().contains(Desk.DATA))) {
                texts.add(text);
            }
        }
        element.getChildren().forEach(child -> collect(child, texts));
    }

    @Test
    void the_page_speaks_finnish() {
        UI.getCurrent().getSession().setLocale(Locale.forLanguageTag("fi"));
        UI.getCurrent().refreshCurrentRoute(true);
        assertThat(text("stats-heading")).isEqualTo("Tilastot");
        assertThat(_get(NativeTable.class, spec -> spec.withId("stats-bookings")).getCaptionText())
                .isEqualTo(t("staff.stats.bookings.caption")).isNotEqualTo("Bookings that start on these days");
        assertThat(text("stat-no-show-rate")).endsWith("0,0 %");
    }
}
