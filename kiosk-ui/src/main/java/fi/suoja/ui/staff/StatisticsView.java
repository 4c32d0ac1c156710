package fi.suoja.ui.staff;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import fi.suoja.ui.server.CalendarLink;
import fi.suoja.ui.server.Room;
import fi.suoja.ui.server.SiteStatistics;
import fi.suoja.ui.server.StaffClient;
import fi.suoja.ui.server.StatisticsSeries;

import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The library's numbers for a range of days (today unless staff choose others): bookings and what
 * became of them, loans, wipes and kiosk languages; as pictures the server draws, occupancy by
 * weekday × hour (a heat map), bookings and loans per day, and how long wipes took; occupancy per
 * room and day and per hour of the day; the same as a CSV file; and each room's calendar feed
 * address for staff calendars. Every picture has its numbers in a real table with a caption and
 * header cells (folded below it, so the page stays short), so screen readers read each number by
 * its row and column, and nothing is said by colour alone.
 */
@Route(value = "staff/statistics", layout = StaffLayout.class)
public class StatisticsView extends Div implements HasDynamicTitle {

    /** As many days as the server gives at once: a year and a leap day. */
    static final int MAX_DAYS = 366;

    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Paragraph notice = Desk.notice("stats-notice");
    private final Div results = new Div();
    private final Section calendars = new Section();

    public StatisticsView() {
        addClassName("statistics");
        H1 heading = new H1(getTranslation("staff.stats.heading"));
        heading.setId("stats-heading");
        from.setId("stats-from");
        from.setLabel(getTranslation("staff.stats.from"));
        to.setId("stats-to");
        to.setLabel(getTranslation("staff.stats.to"));
        from.setLocale(getLocale());
        to.setLocale(getLocale());
        NativeButton show = Desk.button("stats-show", VaadinIcon.TABLE, getTranslation("staff.stats.show"), this::refresh);
        Div range = new Div(from, to, show);
        range.addClassName("actions");
        results.setId("stats-results");
        calendars.setId("stats-calendars");
        add(heading, range, notice, results, calendars);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.stats.title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        StaffSession.current().ifPresent(session -> {
            if (from.isEmpty()) {
                LocalDate today = StaffServices.current().clock().instant().atZone(session.site().zone()).toLocalDate();
                from.setValue(today);
                to.setValue(today);
            }
            refresh();
            showCalendars(session);
        });
    }

    /** Asks the server for the chosen days' numbers and shows them. */
    public void refresh() {
        notice.setVisible(false);
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        if (first == null || last == null || first.isAfter(last)) {
            Desk.say(notice, getTranslation("staff.stats.badRange"));
            return;
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            Desk.say(notice, getTranslation("staff.stats.tooLong", MAX_DAYS));
            return;
        }
        StaffSession.current().ifPresent(session -> Desk.act(this, words -> Desk.say(notice, words), () -> {
            long siteId = session.site().id();
            String language = getLocale().getLanguage();
            SiteStatistics stats = session.client().statistics(siteId, first, last, language);
            StatisticsSeries series = session.client().statisticsSeries(siteId, first, last, language);
            Pictures pictures = new Pictures(session.client(), siteId, first, last, language);
            results.removeAll();
            NativeDetails perRoom = new NativeDetails(getTranslation("staff.stats.roomNumbers"), new Div(days(stats), hours(stats)));
            perRoom.setId("stats-per-room");
            perRoom.addClassName("stats-more");
            results.add(summary(stats), csvLink(session.client(), siteId, first, last), occupancy(series, pictures),
                    perDay(series, pictures), wipeTimes(series, pictures), perRoom);
        }));
    }

    private Component summary(SiteStatistics s) {
        NativeTable bookings = table("stats-bookings", "staff.stats.bookings.caption");
        row(bookings, "stat-total", "staff.stats.bookings.total", number(s.bookings().total()));
        row(bookings, "stat-checked-in", "staff.stats.bookings.checkedIn", number(s.bookings().checkedIn()));
        row(bookings, "stat-no-shows", "staff.stats.bookings.noShows", number(s.bookings().noShows()));
        row(bookings, "stat-no-show-rate", "staff.stats.bookings.noShowRate", percent(s.bookings().noShowRatePercent()));
        row(bookings, "stat-cancelled", "staff.stats.bookings.cancelled", number(s.bookings().cancelled()));
        row(bookings, "stat-ended-early", "staff.stats.bookings.endedEarly", number(s.bookings().endedEarly()));

        NativeTable loans = table("stats-loans", "staff.stats.loans.caption");
        for (SiteStatistics.Loans kind : s.loans()) {
            row(loans, "stat-loans-" + kind.kind(), "staff.kind." + kind.kind(), number(kind.count()));
        }

        NativeTable wipes = table("stats-wipes", "staff.stats.wipes.caption");
        row(wipes, "stat-wipes-ok", "staff.stats.wipes.ok", number(s.wipes().ok()));
        row(wipes, "stat-wipes-failed", "staff.stats.wipes.failed", number(s.wipes().failed()));
        row(wipes, "stat-wipes-p50", "staff.stats.wipes.p50", seconds(s.wipes().p50Millis()));
        row(wipes, "stat-wipes-max", "staff.stats.wipes.max", seconds(s.wipes().maxMillis()));
        row(wipes, "stat-wipes-checks", "staff.stats.wipes.staffChecks", number(s.wipes().staffChecks()));

        NativeTable languages = table("stats-languages", "staff.stats.languages.caption");
        head(languages, "staff.stats.languages.language", "staff.stats.languages.bookings");
        for (SiteStatistics.Language language : s.languages()) {
            NativeTableRow row = languages.getBody().addRow();
            row.setId("stat-language-" + language.language());
            NativeTableHeaderCell name = row.addHeaderCell();
            name.getElement().setAttribute("scope", "row");
            name.add(Desk.data(language.language()));
            row.addDataCell().add(Desk.data(number(language.bookings())));
        }
        if (s.languages().isEmpty()) {
            languages.getBody().addRow().addDataCell().setText(getTranslation("staff.stats.none"));
        }
        Section summary = new Section(new H2(getTranslation("staff.stats.summary")), bookings, loans, wipes, languages);
        summary.setId("stats-summary");
        summary.addClassName("stats-summary");
        return summary;
    }

    // ---- pictures, each with its numbers as a table ----

    /** Where the server's pictures of the chosen days come from; each is fetched when the browser shows it. */
    private record Pictures(StaffClient client, long siteId, LocalDate from, LocalDate to, String language) {

        Image of(String chart, String alt) {
            StreamResource svg = new StreamResource(chart + "-" + from + "-" + to + ".svg",
                    () -> new ByteArrayInputStream(client.statisticsChart(siteId, chart, from, to, language)));
            svg.setContentType("image/svg+xml");
            Image image = new Image(svg, alt);
            image.setId("chart-" + chart);
            image.addClassName("stats-chart");
            return image;
        }
    }

    /** A picture, and the table with its numbers below it, folded so that the page stays short. */
    private Section figure(String id, String headingKey, Component... parts) {
        Section section = new Section(new H2(getTranslation(headingKey)));
        section.setId(id);
        section.addClassName("stats-figure");
        section.add(parts);
        return section;
    }

    private NativeDetails numbers(String id, NativeTable table) {
        NativeDetails details = new NativeDetails(getTranslation("staff.stats.numbers"), table);
        details.setId(id);
        details.addClassName("stats-more");
        return details;
    }

    private Component occupancy(StatisticsSeries series, Pictures pictures) {
        List<Integer> hours = series.weekHours().stream().filter(h -> h.openMinutes() > 0).map(StatisticsSeries.WeekHour::hour)
                .distinct().sorted().toList();
        NativeTable table = table("stats-week", "staff.stats.occupancy.caption");
        NativeTableRow head = table.getHead().addRow();
        NativeTableHeaderCell corner = head.addHeaderCell();
        corner.getElement().setAttribute("scope", "col");
        corner.setText(getTranslation("staff.stats.weekday"));
        for (int hour : hours) {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.getElement().setAttribute("scope", "col");
            cell.add(Desk.data(String.format(Locale.ROOT, "%02d", hour)));
        }
        for (DayOfWeek weekday : DayOfWeek.values()) {
            NativeTableRow row = table.getBody().addRow();
            row.setId("week-" + weekday);
            NativeTableHeaderCell name = row.addHeaderCell();
            name.getElement().setAttribute("scope", "row");
            name.add(Desk.data(weekday.getDisplayName(TextStyle.FULL, getLocale())));
            for (int hour : hours) {
                Double occupancy = series.weekHours().stream().filter(h -> h.weekday() == weekday && h.hour() == hour).findFirst()
                        .map(StatisticsSeries.WeekHour::occupancyPercent).orElse(null);
                cell(row, occupancy == null ? "–" : NumberFormat.getIntegerInstance(getLocale()).format(Math.round(occupancy)));
            }
        }
        table.addClassName("stats-week");
        return figure("stats-occupancy", "staff.stats.occupancy.heading",
                pictures.of("occupancy", getTranslation("staff.stats.occupancy.alt")), numbers("stats-week-numbers", table));
    }

    private Component perDay(StatisticsSeries series, Pictures pictures) {
        NativeTable table = table("stats-per-day", "staff.stats.perDay.caption");
        head(table, "staff.stats.date", "staff.stats.perDay.bookings", "staff.stats.perDay.loans");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (StatisticsSeries.DayCounts day : series.perDay()) {
            NativeTableRow row = table.getBody().addRow();
            row.setId("per-day-" + day.date());
            NativeTableHeaderCell name = row.addHeaderCell();
            name.getElement().setAttribute("scope", "row");
            name.add(Desk.data(date.format(day.date())));
            cell(row, number(day.bookings()));
            cell(row, number(day.loans()));
        }
        H3 bookings = new H3(getTranslation("staff.stats.perDay.bookingsFigure"));
        H3 loans = new H3(getTranslation("staff.stats.perDay.loansFigure"));
        return figure("stats-days-figure", "staff.stats.perDay.heading",
                bookings, pictures.of("bookings", getTranslation("staff.stats.perDay.bookingsAlt")),
                loans, pictures.of("loans", getTranslation("staff.stats.perDay.loansAlt")), numbers("stats-per-day-numbers", table));
    }

    private Component wipeTimes(StatisticsSeries series, Pictures pictures) {
        NativeTable table = table("stats-wipe-times", "staff.stats.wipeTimes.caption");
        head(table, "staff.stats.wipeTimes.duration", "staff.stats.wipeTimes.count");
        List<StatisticsSeries.WipeBucket> buckets = series.wipeDurations();
        for (int i = 0; i < buckets.size(); i++) {
            StatisticsSeries.WipeBucket bucket = buckets.get(i);
            NativeTableRow row = table.getBody().addRow();
            row.setId("wipe-time-" + i);
            NativeTableHeaderCell name = row.addHeaderCell();
            name.getElement().setAttribute("scope", "row");
            // as the picture labels its bars
            name.add(Desk.data(bucket.upToSeconds() != null ? "≤ " + duration(bucket.upToSeconds())
                    : "> " + (i == 0 ? "0 s" : duration(buckets.get(i - 1).upToSeconds()))));
            cell(row, number(bucket.count()));
        }
        return figure("stats-wipe-figure", "staff.stats.wipeTimes.heading",
                pictures.of("wipes", getTranslation("staff.stats.wipeTimes.alt")), numbers("stats-wipe-numbers", table));
    }

    /** "10 s", "2 min": the units the desk's languages share. */
    private static String duration(int seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min";
    }

    private Component csvLink(StaffClient client, long siteId, LocalDate first, LocalDate last) {
        String name = "suoja-statistics-" + first + "-" + last + ".csv";
        // the CSV is fetched with the staff member's token on the UI server; the browser never sees the token
        String language = getLocale().getLanguage();
        StreamResource csv = new StreamResource(name, () -> new ByteArrayInputStream(client.statisticsCsv(siteId, first, last, language)));
        csv.setContentType("text/csv; charset=utf-8");
        Anchor download = new Anchor(csv, getTranslation("staff.stats.csv"));
        download.setId("stats-csv");
        download.getElement().setAttribute("download", name);
        download.addClassName("desk-button");
        Paragraph line = new Paragraph(download);
        line.addClassName("actions");
        return line;
    }

    private Component days(SiteStatistics s) {
        NativeTable table = table("stats-days", "staff.stats.days.caption");
        head(table, "staff.stats.room", "staff.stats.date", "staff.stats.open", "staff.stats.booked", "staff.stats.occupancy");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (SiteStatistics.RoomDay d : s.days()) {
            NativeTableRow row = table.getBody().addRow();
            row.setId("day-" + d.roomId() + "-" + d.date());
            NativeTableHeaderCell room = row.addHeaderCell();
            room.getElement().setAttribute("scope", "row");
            room.add(Desk.data(d.room()));
            cell(row, date.format(d.date()));
            cell(row, number(d.openMinutes()));
            cell(row, number(d.bookedMinutes()));
            cell(row, percent(d.occupancyPercent()));
        }
        return section("stats-days-section", "staff.stats.days.heading", table);
    }

    private Component hours(SiteStatistics s) {
        NativeTable table = table("stats-hours", "staff.stats.hours.caption");
        head(table, "staff.stats.room", "staff.stats.hour", "staff.stats.open", "staff.stats.booked", "staff.stats.occupancy");
        for (SiteStatistics.RoomHour h : s.hours()) {
            if (h.openMinutes() == 0 && h.bookedMinutes() == 0) {
                continue; // closed at that hour on every day of the range
            }
            NativeTableRow row = table.getBody().addRow();
            row.setId("hour-" + h.roomId() + "-" + h.hour());
            NativeTableHeaderCell room = row.addHeaderCell();
            room.getElement().setAttribute("scope", "row");
            room.add(Desk.data(h.room()));
            cell(row, String.format(Locale.ROOT, "%02d–%02d", h.hour(), h.hour() + 1));
            cell(row, number(h.openMinutes()));
            cell(row, number(h.bookedMinutes()));
            cell(row, percent(h.occupancyPercent()));
        }
        return section("stats-hours-section", "staff.stats.hours.heading", table);
    }

    private void showCalendars(StaffSession session) {
        calendars.removeAll();
        calendars.add(new H2(getTranslation("staff.stats.calendars.heading")),
                new Paragraph(getTranslation("staff.stats.calendars.help")));
        Desk.act(this, words -> Desk.say(notice, words), () -> {
            for (Room room : session.client().rooms(session.site().id())) {
                CalendarLink link = session.client().calendarLink(room.id(), getLocale().getLanguage());
                TextField url = new TextField(getTranslation("staff.stats.calendars.label", link.room()));
                url.setId("calendar-url-" + room.id());
                url.setValue(link.url().toString());
                url.setReadOnly(true);
                url.setWidthFull();
                url.addFocusListener(focus -> url.getElement().executeJs("this.inputElement.select()"));
                NativeButton copy = Desk.button("calendar-copy-" + room.id(), VaadinIcon.COPY, getTranslation("staff.stats.calendars.copy"),
                        () -> url.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link.url().toString()));
                copy.getElement().setAttribute("aria-label", getTranslation("staff.stats.calendars.copyRoom", link.room()));
                Div line = new Div(url, copy);
                line.addClassName("calendar-link");
                calendars.add(line);
            }
        });
    }

    // ---- table parts ----

    private NativeTable table(String id, String captionKey) {
        NativeTable table = new NativeTable();
        table.setId(id);
        table.addClassName("stats-table");
        table.setCaptionText(getTranslation(captionKey));
        return table;
    }

    private void head(NativeTable table, String... keys) {
        NativeTableRow row = table.getHead().addRow();
        for (String key : keys) {
            NativeTableHeaderCell cell = row.addHeaderCell();
            cell.getElement().setAttribute("scope", "col");
            cell.setText(getTranslation(key));
        }
    }

    private void row(NativeTable table, String id, String labelKey, String value) {
        NativeTableRow row = table.getBody().addRow();
        row.setId(id);
        NativeTableHeaderCell label = row.addHeaderCell();
        label.getElement().setAttribute("scope", "row");
        label.setText(getTranslation(labelKey));
        NativeTableCell cell = row.addDataCell();
        cell.add(Desk.data(value));
    }

    private static void cell(NativeTableRow row, String value) {
        row.addDataCell().add(Desk.data(value));
    }

    private Section section(String id, String headingKey, NativeTable table) {
        Section section = new Section(new H2(getTranslation(headingKey)), table);
        section.setId(id);
        return section;
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    /** A share with one decimal in the user's way of writing numbers; a dash where there is nothing to share. */
    private String percent(Double value) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value) + " %";
    }

    private String seconds(Long millis) {
        if (millis == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(millis / 1000.0) + " s";
    }
}
