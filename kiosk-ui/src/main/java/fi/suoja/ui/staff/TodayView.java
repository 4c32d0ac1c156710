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
import fi.suoja.ui.server.Booking;
import fi.suoja.ui.server.Device;
import fi.suoja.ui.server.Room;
import fi.suoja.ui.server.Site;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Today at the library: per room a timeline of the day's bookings with a line at now, and the
 * door of a room with a lock can be opened from here. A booking opens below the timeline with
 * its codes and the devices it holds, where it can be checked in, ended, or cancelled with a
 * reason, each after a confirmation where it cannot be undone.
 */
@Route(value = "staff", layout = StaffLayout.class)
public class TodayView extends Div implements HasDynamicTitle {

    /** How often the day is asked for again without anyone doing anything. */
    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final Paragraph notice = Desk.notice("today-notice");
    private final Div timeline = new Div();
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

    /** Asks the server for today's rooms and bookings and draws them again. */
    public void refresh() {
        StaffSession.current().ifPresent(session -> Desk.act(this, this::say, () -> {
            Site site = session.site();
            Instant now = now();
            LocalDate today = now.atZone(site.zone()).toLocalDate();
            List<Room> rooms = session.client().rooms(site.id());
            bookings = session.client().bookings(site.id(), today);
            devices = session.client().devices(site.id());
            refreshedAt = now;
            draw(site, rooms, now, today);
            if (openCode != null) {
                bookings.stream().filter(b -> b.code().equals(openCode)).findFirst().ifPresentOrElse(this::open, this::close);
            }
        }));
    }

    private void draw(Site site, List<Room> rooms, Instant now, LocalDate today) {
        timeline.removeAll();
        ZonedDateTime dayStart = today.atStartOfDay(site.zone());
        int firstHour = 8;
        int lastHour = 20;
        for (Booking booking : bookings) {
            firstHour = Math.min(firstHour, booking.start().atZone(site.zone()).getHour());
            ZonedDateTime end = booking.end().atZone(site.zone());
            lastHour = Math.max(lastHour, end.toLocalDate().isAfter(today) ? 24 : end.getHour() + (end.getMinute() > 0 ? 1 : 0));
        }
        int nowHour = now.atZone(site.zone()).getHour();
        firstHour = Math.min(firstHour, nowHour);
        lastHour = Math.max(lastHour, Math.min(24, nowHour + 1));
        Instant from = dayStart.plusHours(firstHour).toInstant();
        Instant to = dayStart.plusHours(lastHour).toInstant();

        Paragraph nowText = new Paragraph(getTranslation("staff.today.now", Desk.time(now, site.zone())));
        nowText.setId("now");
        nowText.addClassName("now-text");
        Span date = Desk.data(DateTimeFormatter.ofPattern("EEEE d.M.yyyy", getLocale()).format(today));
        date.setId("today-date");
        timeline.add(new Paragraph(date), nowText);

        Div hours = new Div();
        hours.addClassName("timeline-hours");
        hours.getElement().setAttribute("aria-hidden", "true");
        for (int hour = firstHour; hour < lastHour; hour += 2) {
            Span mark = Desk.data(String.format(Locale.ROOT, "%02d", hour));
            mark.getStyle().set("inset-inline-start", percent(dayStart.plusHours(hour).toInstant(), from, to));
            hours.add(mark);
        }
        timeline.add(hours);

        for (Room room : rooms) {
            Div row = new Div();
            row.setId("room-" + room.id());
            row.addClassName("timeline-row");
            H2 name = new H2(Desk.data(room.name(getLocale().getLanguage())));
            name.addClassName("timeline-room");
            Div track = new Div();
            track.addClassName("timeline-track");
            List<Booking> ofRoom = new ArrayList<>(bookings.stream().filter(b -> b.roomId() == room.id()).toList());
            for (Booking booking : ofRoom) {
                track.add(block(booking, site, from, to));
            }
            if (ofRoom.isEmpty()) {
                Span free = new Span(getTranslation("staff.today.free"));
                free.addClassName("timeline-free");
                track.add(free);
            }
            if (!now.isBefore(from) && now.isBefore(to)) {
                Div line = new Div();
                line.addClassName("now-line");
                line.getElement().setAttribute("aria-hidden", "true");
                line.getStyle().set("inset-inline-start", percent(now, from, to));
                track.add(line);
            }
            Div heading = new Div(name);
            heading.addClassName("timeline-room-head");
            if (room.hasLock()) {
                heading.add(Desk.button("unlock-" + room.id(), VaadinIcon.UNLOCK, getTranslation("staff.door.open"),
                        () -> confirmUnlock(room)));
            }
            row.add(heading, track);
            timeline.add(row);
        }
    }

    private NativeButton block(Booking booking, Site site, Instant from, Instant to) {
        NativeButton block = new NativeButton();
        block.setId("booking-" + booking.code().replace("-", ""));
        block.addClassNames("booking-block", "state-" + booking.status().toLowerCase(Locale.ROOT).replace('_', '-'));
        block.getStyle().set("inset-inline-start", percent(booking.start(), from, to));
        block.getStyle().set("inline-size", width(booking.start(), booking.end(), from, to));
        Span time = Desk.data(Desk.time(booking.start(), site.zone()) + "–" + Desk.time(booking.end(), site.zone()));
        time.getElement().setAttribute("dir", "ltr");
        block.add(time, new Span(getTranslation("staff.booking." + booking.status())), Desk.data(booking.code()));
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
                        + getTranslation("staff.detail.due", Desk.time(d.loanDue(), site.zone())) + ")").toList())));
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
        return devices.stream().filter(d -> d.loanBookingId() != null && d.loanBookingId() == booking.id()).toList();
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
