package fi.suoja.ui.staff;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import fi.suoja.ui.server.AdminRoom;
import fi.suoja.ui.server.Booking;
import fi.suoja.ui.server.Device;
import fi.suoja.ui.server.Room;
import fi.suoja.ui.server.Site;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Today at the library: per room a timeline of the day's opening hours with its bookings, each
 * wide enough for its time, state (in words and colour) and code, and a line at now; cancelled
 * bookings and those nobody came to folded away as a count; the same day as a list for a small
 * screen or a long day; a room closed today says so. The door of a room with a lock can be opened
 * from here. A booking opens below the timeline with
 * its codes and the devices it holds, where it can be checked in, ended, or cancelled with a
 * reason, each after a confirmation where it cannot be undone.
 */
@Route(value = "staff", layout = StaffLayout.class)
public class TodayView extends Div implements HasDynamicTitle {

    /** How often the day is asked for again without anyone doing anything. */
    private static final Duration REFRESH = Duration.ofSeconds(30);
    /** A day open longer than this is shown as a list unless staff choose the timeline. */
    private static final int LONG_DAY_HOURS = 12;
    /** How wide (rem) the shortest booking of the day is drawn: its time, state and code fit. */
    private static final double BLOCK_REM = 8.5;
    private static final double MIN_REM_PER_HOUR = 10;
    private static final double MAX_REM_PER_HOUR = 36;

    /** The timeline, or the day as a list; {@code null}: chosen by the length of the day. */
    private enum Mode { TIMELINE, LIST }

    private final Paragraph notice = Desk.notice("today-notice");
    private final Div timeline = new Div();
    private final Div dayList = new Div();
    /** Rooms whose folded bookings staff opened; they stay open when the day is drawn again. */
    private final Set<Long> unfolded = new HashSet<>();
    private Mode mode;
    private final Section detail = new Section();
    private List<Booking> bookings = List.of();
    private List<Device> devices = List.of();
    private String openCode;
    private Instant refreshedAt = Instant.MIN;
    private Registration poll;

    public TodayView() {
        addClassName("today");
        timeline.setId("timeline");
        timeline.addClassName("timeline");
        dayList.setId("day-list");
        dayList.addClassName("day-list");
        detail.setId("booking-detail");
        detail.addClassName("booking-detail");
        detail.setVisible(false);
        H1 heading = new H1(getTranslation("staff.today.heading"));
        heading.setId("today-heading");
        add(heading, notice, timeline, detail);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.today.title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
        // the page's own poll: the layout no longer polls (help calls and alerts come as events)
        event.getUI().setPollInterval((int) REFRESH.toMillis());
        poll = event.getUI().addPollListener(e -> {
            if (!now().isBefore(refreshedAt.plus(REFRESH))) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        event.getUI().setPollInterval(-1);
    }

    private Instant now() {
        return StaffServices.current().clock().instant();
    }

    /** Asks the server for today's rooms, their hours and bookings and draws them again. */
    public void refresh() {
        StaffSession.current().ifPresent(session -> Desk.act(this, this::say, () -> {
            Site site = session.site();
            Instant now = now();
            LocalDate today = now.atZone(site.zone()).toLocalDate();
            List<Room> rooms = session.client().rooms(site.id());
            Map<Long, AdminRoom> hours = new HashMap<>();
            session.client().adminRooms(site.id()).forEach(room -> hours.put(room.id(), room));
            bookings = session.client().bookings(site.id(), today);
            devices = session.client().devices(site.id());
            refreshedAt = now;
            draw(site, rooms, hours, now, today);
            if (openCode != null) {
                bookings.stream().filter(b -> b.code().equals(openCode)).findFirst().ifPresentOrElse(this::open, this::close);
            }
        }));
    }

    /** When a room is open on one day; closing at midnight is the end of the day. */
    record Open(LocalTime opens, LocalTime closes) {

        Instant start(LocalDate day, ZoneId zone) {
            return day.atTime(opens).atZone(zone).toInstant();
        }

        Instant end(LocalDate day, ZoneId zone) {
            return closes.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : day.atTime(closes).atZone(zone).toInstant();
        }
    }

    /** A room's opening hours on one day, from its exception days or its week; empty when it is closed. */
    static Optional<Open> hoursOn(AdminRoom room, LocalDate day) {
        if (room == null) {
            return Optional.empty();
        }
        for (AdminRoom.OtherDay other : room.exceptions()) {
            if (other.date().equals(day)) {
                return other.closed() || other.opens() == null ? Optional.empty() : Optional.of(new Open(other.opens(), other.closes()));
            }
        }
        return room.hours().stream().filter(h -> h.weekday() == day.getDayOfWeek()).findFirst()
                .map(h -> new Open(h.opens(), h.closes()));
    }

    /** Cancelled bookings and those nobody came to are folded away: they hold no time any more. */
    static boolean folded(Booking booking) {
        return booking.status() == Booking.Status.CANCELLED || booking.status() == Booking.Status.NO_SHOW;
    }

    private void draw(Site site, List<Room> rooms, Map<Long, AdminRoom> hours, Instant now, LocalDate today) {
        timeline.removeAll();
        dayList.removeAll();
        ZoneId zone = site.zone();
        ZonedDateTime dayStart = today.atStartOfDay(zone);

        // the day shown: from the earliest opening to the latest closing of the rooms open today,
        // widened to any booking that holds time outside them, in whole hours
        Instant from = null;
        Instant to = null;
        for (Room room : rooms) {
            Optional<Open> open = hoursOn(hours.get(room.id()), today);
            if (open.isPresent()) {
                Instant opens = open.get().start(today, zone);
                Instant closes = open.get().end(today, zone);
                from = from == null || opens.isBefore(from) ? opens : from;
                to = to == null || closes.isAfter(to) ? closes : to;
            }
        }
        int shortest = 60;
        for (Booking booking : bookings) {
            if (folded(booking)) {
                continue;
            }
            from = from == null || booking.start().isBefore(from) ? booking.start() : from;
            to = to == null || booking.end().isAfter(to) ? booking.end() : to;
            shortest = (int) Math.max(5, Math.min(shortest, Duration.between(booking.start(), booking.end()).toMinutes()));
        }
        if (from != null) {
            drawDay(site, rooms, hours, now, today, wholeHour(from.isBefore(dayStart.toInstant()) ? dayStart.toInstant() : from, zone, false),
                    wholeHour(to, zone, true), shortest);
        } else {
            drawDay(site, rooms, hours, now, today, null, null, shortest);
        }
    }

    private static Instant wholeHour(Instant at, ZoneId zone, boolean up) {
        ZonedDateTime time = at.atZone(zone);
        ZonedDateTime down = time.truncatedTo(ChronoUnit.HOURS);
        return (up && !down.equals(time) ? down.plusHours(1) : down).toInstant();
    }

    /** Draws the day from {@code from} to {@code to} (null: no room is open and nothing is booked). */
    private void drawDay(Site site, List<Room> rooms, Map<Long, AdminRoom> hours, Instant now, LocalDate today, Instant from,
                         Instant to, int shortest) {
        ZoneId zone = site.zone();
        long spanHours = from == null ? 0 : Duration.between(from, to).toHours();
        boolean asList = from == null || (mode == null ? spanHours > LONG_DAY_HOURS : mode == Mode.LIST);
        addClassName(asList ? "as-list" : "as-timeline");
        removeClassName(asList ? "as-timeline" : "as-list");

        Paragraph nowText = new Paragraph(getTranslation("staff.today.now", Desk.time(now, zone)));
        nowText.setId("now");
        nowText.addClassName("now-text");
        Span date = Desk.data(DateTimeFormatter.ofPattern("EEEE d.M.yyyy", getLocale()).format(today));
        date.setId("today-date");
        NativeButton toggle = Desk.button("today-view-toggle", asList ? VaadinIcon.CALENDAR_CLOCK : VaadinIcon.LIST,
                getTranslation(asList ? "staff.today.asTimeline" : "staff.today.asList"), () -> {
                    mode = asList ? Mode.TIMELINE : Mode.LIST;
                    refresh();
                });
        toggle.setVisible(from != null);
        Div head = new Div(new Paragraph(date), nowText, toggle);
        head.addClassName("today-head");
        timeline.add(head);
        if (from == null) {
            Paragraph closed = new Paragraph(getTranslation("staff.today.allClosed"));
            closed.setId("today-closed");
            timeline.add(closed);
        }

        // the timeline: an hour is wide enough for the shortest booking's time, state and code
        double remPerHour = Math.max(MIN_REM_PER_HOUR, Math.min(MAX_REM_PER_HOUR, BLOCK_REM * 60.0 / shortest));
        Div scroll = new Div();
        scroll.addClassName("timeline-scroll");
        scroll.setId("timeline-scroll");
        scroll.getStyle().set("--track-size", String.format(Locale.ROOT, "%.2frem", Math.max(1, spanHours) * remPerHour));
        scroll.setVisible(from != null);
        if (from != null) {
            Div hourMarks = new Div();
            hourMarks.addClassName("timeline-hours");
            hourMarks.getElement().setAttribute("aria-hidden", "true");
            for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
                Span mark = Desk.data(Desk.time(hour, zone));
                mark.getStyle().set("inset-inline-start", percent(hour, from, to));
                hourMarks.add(mark);
            }
            scroll.add(hourMarks);
        }
        timeline.add(scroll);
        timeline.add(dayList);

        for (Room room : rooms) {
            List<Booking> ofRoom = bookings.stream().filter(b -> b.roomId() == room.id()).toList();
            List<Booking> shown = ofRoom.stream().filter(b -> !folded(b)).toList();
            List<Booking> away = ofRoom.stream().filter(TodayView::folded).toList();
            Optional<Open> open = hoursOn(hours.get(room.id()), today);
            String roomName = room.name(getLocale().getLanguage());
            String openWords = open.map(h -> getTranslation("staff.today.hours", h.opens().toString(), h.closes().toString()))
                    .orElse(getTranslation("staff.today.closed"));

            Div row = new Div();
            row.setId("room-" + room.id());
            row.addClassName("timeline-row");
            H2 name = new H2(Desk.data(roomName));
            name.addClassName("timeline-room");
            Span roomHours = new Span(openWords);
            roomHours.setId("hours-" + room.id());
            roomHours.addClassName("timeline-room-hours");
            Div heading = new Div(name, roomHours);
            heading.addClassName("timeline-room-head");
            if (room.hasLock()) {
                heading.add(Desk.button("unlock-" + room.id(), VaadinIcon.UNLOCK, getTranslation("staff.door.open"),
                        () -> confirmUnlock(room)));
            }
            Div track = new Div();
            track.addClassName("timeline-track");
            if (open.isEmpty()) {
                track.addClassName("closed");
            }
            if (from != null) {
                if (open.isPresent()) {
                    // the hours before opening and after closing are shaded
                    track.add(shade(from, open.get().start(today, zone), from, to), shade(open.get().end(today, zone), to, from, to));
                }
                shown.forEach(booking -> track.add(block("booking-", booking, zone, from, to)));
            }
            if (shown.isEmpty()) {
                Span free = new Span(open.isPresent() ? getTranslation("staff.today.free") : getTranslation("staff.today.closed"));
                free.addClassName("timeline-free");
                track.add(free);
            }
            if (from != null && !now.isBefore(from) && now.isBefore(to)) {
                Div line = new Div();
                line.addClassName("now-line");
                line.getElement().setAttribute("aria-hidden", "true");
                line.getStyle().set("inset-inline-start", percent(now, from, to));
                track.add(line);
            }
            row.add(heading, track);
            if (!away.isEmpty()) {
                row.add(fold("folded-", room, away, zone));
            }
            scroll.add(row);

            // the same day as a list, for a small screen or a long day
            Section listed = new Section();
            listed.setId("list-room-" + room.id());
            listed.addClassName("day-list-room");
            H2 listName = new H2(Desk.data(roomName));
            Span listHours = new Span(openWords);
            listHours.addClassName("timeline-room-hours");
            listed.add(listName, listHours);
            if (room.hasLock()) {
                listed.add(Desk.button("list-unlock-" + room.id(), VaadinIcon.UNLOCK, getTranslation("staff.door.open"),
                        () -> confirmUnlock(room)));
            }
            if (shown.isEmpty()) {
                listed.add(new Paragraph(open.isPresent() ? getTranslation("staff.today.free") : getTranslation("staff.today.closed")));
            } else {
                UnorderedList items = new UnorderedList();
                for (Booking booking : shown) {
                    ListItem item = new ListItem(block("list-booking-", booking, zone, null, null));
                    if (booking.start().isBefore(now) && !booking.end().isBefore(now)) {
                        item.addClassName("now");
                    }
                    items.add(item);
                }
                listed.add(items);
            }
            if (!away.isEmpty()) {
                listed.add(fold("list-folded-", room, away, zone));
            }
            dayList.add(listed);
        }
        if (!asList) {
            scroll.getElement().executeJs("const line = this.querySelector('.now-line');"
                    + " if (line) { line.scrollIntoView({inline: 'center', block: 'nearest'}); }");
        }
    }

    /** A shaded stretch of a room's track when the room is closed. */
    private static Div shade(Instant start, Instant end, Instant from, Instant to) {
        Div shade = new Div();
        shade.addClassName("timeline-shut");
        shade.getElement().setAttribute("aria-hidden", "true");
        if (end.isAfter(start)) {
            shade.getStyle().set("inset-inline-start", percent(start, from, to));
            shade.getStyle().set("inline-size", width(start, end, from, to));
        } else {
            shade.setVisible(false);
        }
        return shade;
    }

    /**
     * A room's cancelled bookings and those nobody came to, as a count that opens on demand, so
     * they never hide or crowd the bookings that hold time.
     */
    private Div fold(String idPrefix, Room room, List<Booking> away, ZoneId zone) {
        Div fold = new Div();
        fold.addClassName("timeline-folded");
        UnorderedList items = new UnorderedList();
        items.setId(idPrefix + "list-" + room.id());
        away.forEach(booking -> items.add(new ListItem(block(idPrefix.replace("folded-", "") + "away-", booking, zone, null, null))));
        items.setVisible(unfolded.contains(room.id()));
        NativeButton toggle = Desk.button(idPrefix + room.id(), VaadinIcon.ANGLE_DOWN, getTranslation("staff.today.folded", away.size()),
                () -> { });
        toggle.getElement().setAttribute("aria-expanded", Boolean.toString(items.isVisible()));
        toggle.getElement().setAttribute("aria-controls", items.getId().orElseThrow());
        toggle.addClickListener(click -> {
            boolean show = !items.isVisible();
            if (show) {
                unfolded.add(room.id());
            } else {
                unfolded.remove(room.id());
            }
            items.setVisible(show);
            toggle.getElement().setAttribute("aria-expanded", Boolean.toString(show));
        });
        fold.add(toggle, items);
        return fold;
    }

    /**
     * A booking as a button: its time, its state in words (and colour), its code and the devices
     * it holds. Placed on the track by its time when {@code from} is given, else in a list.
     */
    private NativeButton block(String idPrefix, Booking booking, ZoneId zone, Instant from, Instant to) {
        NativeButton block = new NativeButton();
        block.setId(idPrefix + booking.code().replace("-", ""));
        block.addClassNames("booking-block", "state-" + booking.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (from != null) {
            block.addClassName("on-track");
            block.getStyle().set("inset-inline-start", percent(booking.start(), from, to));
            block.getStyle().set("inline-size", width(booking.start(), booking.end(), from, to));
        }
        Span time = Desk.data(Desk.time(booking.start(), zone) + "–" + Desk.time(booking.end(), zone));
        time.getElement().setAttribute("dir", "ltr");
        time.addClassName("booking-time");
        Span state = new Span(getTranslation("staff.booking." + booking.status()));
        state.addClassName("booking-state");
        Span code = Desk.data(booking.code());
        code.addClassName("booking-code");
        block.add(time, state, code);
        long lent = loansOf(booking).size();
        if (lent > 0) {
            block.add(new Span(getTranslation("staff.today.devices", lent)));
        }
        block.addClickListener(click -> open(booking));
        return block;
    }

    private static String percent(Instant at, Instant from, Instant to) {
        double share = (double) Duration.between(from, at).toSeconds() / Duration.between(from, to).toSeconds();
        return String.format(Locale.ROOT, "%.3f%%", Math.max(0, Math.min(1, share)) * 100);
    }

    private static String width(Instant start, Instant end, Instant from, Instant to) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        double share = (double) Duration.between(s, e).toSeconds() / Duration.between(from, to).toSeconds();
        return String.format(Locale.ROOT, "%.3f%%", Math.max(0, share) * 100);
    }

    /** Shows one booking with what can be done with it now. */
    void open(Booking booking) {
        StaffSession session = StaffSession.current().orElseThrow();
        Site site = session.site();
        openCode = booking.code();
        detail.removeAll();
        detail.setVisible(true);
        H2 heading = new H2(getTranslation("staff.detail.heading"));
        heading.setId("detail-heading");
        detail.add(heading,
                fact("detail-code", "staff.detail.code", booking.code()),
                fact("detail-room", "staff.detail.room", booking.room().name(getLocale().getLanguage())),
                fact("detail-time", "staff.detail.time",
                        Desk.time(booking.start(), site.zone()) + "–" + Desk.time(booking.end(), site.zone())));
        Paragraph state = new Paragraph(getTranslation("staff.detail.state", getTranslation("staff.booking." + booking.status())));
        state.setId("detail-state");
        detail.add(state);
        if (booking.doorCode() != null) {
            detail.add(fact("detail-door", "staff.detail.door", booking.doorCode()));
        }
        List<Device> lent = loansOf(booking);
        Paragraph held = new Paragraph(lent.isEmpty() ? getTranslation("staff.detail.noDevices")
                : getTranslation("staff.detail.devices", String.join(", ", lent.stream()
                .map(d -> d.tag() + " (" + getTranslation("staff.kind." + d.kind()) + ", "
                        + getTranslation("staff.detail.due", Desk.time(d.loan().dueAt(), site.zone())) + ")").toList())));
        held.setId("detail-devices");
        detail.add(held);
        Div actions = new Div();
        actions.addClassName("actions");
        if (booking.confirmed()) {
            actions.add(Desk.button("check-in", VaadinIcon.SIGN_IN, getTranslation("staff.detail.checkIn"),
                    () -> Desk.act(this, this::refused, () -> done(session.client().checkIn(booking.code()), "staff.done.checkedIn"))));
            actions.add(Desk.button("cancel", VaadinIcon.CLOSE_CIRCLE, getTranslation("staff.detail.cancel"),
                    () -> confirmCancel(booking)));
        }
        if (booking.checkedIn()) {
            actions.add(Desk.button("end", VaadinIcon.STOP, getTranslation("staff.detail.end"), () -> confirmEnd(booking)));
        }
        actions.add(Desk.button("close-detail", VaadinIcon.ARROW_BACKWARD, getTranslation("staff.detail.close"), this::close));
        detail.add(actions);
    }

    /** The devices lent to a booking now. */
    private List<Device> loansOf(Booking booking) {
        return devices.stream().filter(d -> d.loan() != null && d.loan().bookingId() != null
                && d.loan().bookingId() == booking.id()).toList();
    }

    /** Opening a door is asked once more: someone may be inside. */
    private void confirmUnlock(Room room) {
        openCode = null;
        detail.removeAll();
        detail.setVisible(true);
        H2 heading = new H2(Desk.data(room.name(getLocale().getLanguage())));
        heading.setId("detail-heading");
        detail.add(heading);
        Div confirm = confirmation(getTranslation("staff.confirm.unlock", room.name(getLocale().getLanguage())));
        confirm.add(Desk.button("confirm-yes", VaadinIcon.UNLOCK, getTranslation("staff.confirm.unlockYes"),
                () -> Desk.act(this, this::say, () -> {
                    client().unlock(room.id());
                    close();
                    say(getTranslation("staff.done.unlocked", room.name(getLocale().getLanguage())));
                })));
        confirm.add(Desk.button("confirm-no", VaadinIcon.CLOSE, getTranslation("staff.confirm.no"), this::close));
    }

    private void confirmEnd(Booking booking) {
        Div confirm = confirmation(getTranslation("staff.confirm.end", booking.code()));
        confirm.add(Desk.button("confirm-yes", VaadinIcon.CHECK, getTranslation("staff.confirm.endYes"),
                () -> Desk.act(this, this::refused, () -> done(client().end(booking.code()), "staff.done.ended"))));
        confirm.add(Desk.button("confirm-no", VaadinIcon.CLOSE, getTranslation("staff.confirm.no"), () -> open(booking)));
    }

    private void confirmCancel(Booking booking) {
        Div confirm = confirmation(getTranslation("staff.confirm.cancel", booking.code()));
        TextField reason = new TextField(getTranslation("staff.confirm.reason"));
        reason.setId("cancel-reason");
        reason.setMaxLength(200);
        confirm.add(reason);
        confirm.add(Desk.button("confirm-yes", VaadinIcon.CHECK, getTranslation("staff.confirm.cancelYes"),
                () -> Desk.act(this, this::refused, () -> done(client().cancel(booking.code(), reason.getValue()), "staff.done.cancelled"))));
        confirm.add(Desk.button("confirm-no", VaadinIcon.CLOSE, getTranslation("staff.confirm.no"), () -> open(booking)));
    }

    private Div confirmation(String question) {
        detail.getChildren().filter(c -> c.hasClassName("actions")).toList().forEach(detail::remove);
        Div confirm = new Div();
        confirm.setId("confirmation");
        confirm.addClassNames("confirmation", "actions");
        Paragraph ask = new Paragraph(question);
        ask.setId("confirm-question");
        confirm.add(ask);
        detail.add(confirm);
        return confirm;
    }

    private void done(Booking booking, String key) {
        say(getTranslation(key, booking.code()));
        refresh();
    }

    private void close() {
        openCode = null;
        detail.removeAll();
        detail.setVisible(false);
    }

    private fi.suoja.ui.server.StaffClient client() {
        return StaffSession.current().orElseThrow().client();
    }

    private Div fact(String id, String labelKey, String value) {
        Div fact = new Div(new Span(getTranslation(labelKey)), Desk.data(value));
        fact.setId(id);
        fact.addClassName("fact");
        return fact;
    }

    /** A refused action: say why, and show the day as it is now, since the booking may have changed meanwhile. */
    private void refused(String words) {
        refresh();
        say(words);
    }

    private void say(String words) {
        Desk.say(notice, words);
    }
}
