package fi.suoja.ui.staff;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
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

import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The library's numbers for a range of days (today unless staff choose others): bookings and what
 * became of them, loans, wipes and kiosk languages, occupancy per room and day and per hour of
 * the day, the same as a CSV file, and each room's calendar feed address for staff calendars.
 * Every number is in a real table with a caption and header cells, so screen readers read it by
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
            SiteStatistics stats = session.client().statistics(siteId, first, last, getLocale().getLanguage());
            results.removeAll();
            results.add(summary(stats), csvLink(session.client(), siteId, first, last), days(stats), hours(stats));
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
