package fi.suoja.ui.staff;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fi.suoja.ui.server.Booking;
import fi.suoja.ui.server.Device;
import fi.suoja.ui.server.DeviceKind;
import fi.suoja.ui.server.DeviceState;
import fi.suoja.ui.server.Site;
import fi.suoja.ui.server.StaffAction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The devices desk: a scan field that hands a device out (to a booking of today or a walk-in) or
 * its return, and a board of every device of the library that changes live as the server
 * reports, through its event stream and server push. The board can be narrowed to a group of
 * states, a kind, or tags containing some text; a live change follows the same filters.
 */
@Route(value = "staff/devices", layout = StaffLayout.class)
public class DevicesView extends Div implements HasDynamicTitle {

    /** What a scan does: the API's hand-out or return. */
    enum Mode { HAND_OUT, RETURN }

    static final String WALK_IN = "walk-in";

    /** Groups of states staff look for, as the board's first filter. */
    enum Show {
        ALL, READY, LENT, WIPING, ATTENTION, RETIRED;

        boolean includes(Device device) {
            DeviceState state = device.state();
            return switch (this) {
                case ALL -> true;
                case READY -> state == DeviceState.READY;
                case LENT -> state == DeviceState.ON_LOAN;
                case WIPING -> state == DeviceState.WIPE_PENDING || state == DeviceState.WIPING;
                case ATTENTION -> lookAt(state) || (device.agentManaged() && !device.online() && state != DeviceState.RETIRED);
                case RETIRED -> state == DeviceState.RETIRED;
            };
        }

        /** States staff should look at: new, failed, faulty, or one this desk does not know. */
        private static boolean lookAt(DeviceState state) {
            return switch (state) {
                case PROVISIONED, WIPE_FAILED, FAULTY, UNKNOWN -> true;
                case READY, ON_LOAN, WIPE_PENDING, WIPING, RETIRED -> false;
            };
        }
    }

    static final String ANY_KIND = "ANY";

    private final Paragraph notice = Desk.notice("devices-notice");
    private final TextField scan = new TextField();
    private final Select<String> lendFor = new Select<>();
    private final Select<Integer> walkInHours = new Select<>();
    private final NativeButton handOutMode;
    private final NativeButton returnMode;
    private final Div board = new Div();
    private final Select<Show> show = new Select<>();
    private final Select<String> kind = new Select<>();
    private final TextField find = new TextField();
    private final Paragraph shown = new Paragraph();
    /** "Wipe all shown": each shown device whose actions allow a wipe, in one request, after a confirmation. */
    private final Div wipeShown = new Div();
    private final Map<Long, Booking> todays = new HashMap<>();
    private final Map<String, DeviceCard> cards = new LinkedHashMap<>();
    private Mode mode = Mode.RETURN;
    private final Following events = new Following();

    public DevicesView() {
        addClassName("devices");
        H1 heading = new H1(getTranslation("staff.devices.heading"));
        heading.setId("devices-heading");

        handOutMode = Desk.button("mode-hand-out", VaadinIcon.ARROW_CIRCLE_RIGHT, getTranslation("staff.scan.handOut"),
                () -> setMode(Mode.HAND_OUT));
        returnMode = Desk.button("mode-return", VaadinIcon.ARROW_CIRCLE_LEFT, getTranslation("staff.scan.return"),
                () -> setMode(Mode.RETURN));
        Div modes = new Div(handOutMode, returnMode);
        modes.addClassName("scan-modes");

        lendFor.setId("lend-for");
        lendFor.setLabel(getTranslation("staff.scan.for"));
        walkInHours.setId("walk-in-hours");
        walkInHours.setLabel(getTranslation("staff.scan.walkInHours"));
        walkInHours.setItems(1, 2, 3, 4);
        walkInHours.setValue(2);
        walkInHours.setItemLabelGenerator(hours -> getTranslation("staff.scan.hours", hours));
        lendFor.addValueChangeListener(change -> walkInHours.setVisible(WALK_IN.equals(change.getValue()) && mode == Mode.HAND_OUT));

        scan.setId("scan");
        scan.setAutofocus(true);
        scan.setClearButtonVisible(false);
        // a barcode scanner types the tag like a keyboard and ends with Enter
        scan.addKeyPressListener(Key.ENTER, e -> scanned(scan.getValue()));
        NativeButton go = Desk.button("scan-go", VaadinIcon.BARCODE, getTranslation("staff.scan.go"), () -> scanned(scan.getValue()));

        Section scanArea = new Section(new H2(getTranslation("staff.scan.heading")), modes, lendFor, walkInHours, scan, go, notice);
        scanArea.setId("scan-area");
        scanArea.addClassName("scan-area");

        board.setId("board");
        board.addClassName("board");
        show.setId("filter-show");
        show.setLabel(getTranslation("staff.filter.show"));
        show.setItems(Show.values());
        show.setItemLabelGenerator(group -> getTranslation("staff.filter." + group.name()));
        show.setValue(Show.ALL);
        show.addValueChangeListener(change -> filter());
        kind.setId("filter-kind");
        kind.setLabel(getTranslation("staff.filter.kind"));
        List<String> kinds = new ArrayList<>(List.of(ANY_KIND));
        Arrays.stream(DeviceKind.values()).filter(k -> k != DeviceKind.UNKNOWN).map(Enum::name).forEach(kinds::add);
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> getTranslation(ANY_KIND.equals(k) ? "staff.filter.anyKind" : "staff.kind." + k));
        kind.setValue(ANY_KIND);
        kind.addValueChangeListener(change -> filter());
        find.setId("filter-tag");
        find.setLabel(getTranslation("staff.filter.tag"));
        find.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        find.addValueChangeListener(change -> filter());
        shown.setId("board-count");
        shown.getElement().setAttribute("role", "status");
        Div filters = new Div(show, kind, find);
        filters.addClassName("board-filters");
        wipeShown.setId("wipe-shown-area");
        wipeShown.addClassNames("actions", "board-actions");
        Section boardArea = new Section(new H2(getTranslation("staff.board.heading")), filters, shown, wipeShown, board);
        boardArea.addClassName("board-area");
        add(heading, scanArea, boardArea);
        setMode(Mode.RETURN);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.devices.title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
        UI ui = event.getUI();
        StaffSession.current().ifPresent(session -> {
            long siteId = session.site().id();
            events.start(session.client().followDevices(() -> ui.access(this::catchUp), device -> {
                if (device.siteId() == siteId) {
                    ui.access(() -> changed(device));
                }
            }));
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        events.stop();
    }

    /** Whether the board follows the server's device events right now. */
    boolean live() {
        return events.live();
    }

    void setMode(Mode chosen) {
        mode = chosen;
        handOutMode.getElement().setAttribute("aria-pressed", Boolean.toString(mode == Mode.HAND_OUT));
        returnMode.getElement().setAttribute("aria-pressed", Boolean.toString(mode == Mode.RETURN));
        lendFor.setVisible(mode == Mode.HAND_OUT);
        walkInHours.setVisible(mode == Mode.HAND_OUT && WALK_IN.equals(lendFor.getValue()));
        scan.setLabel(getTranslation(mode == Mode.HAND_OUT ? "staff.scan.labelHandOut" : "staff.scan.labelReturn"));
        if (mode == Mode.HAND_OUT) {
            loadBookings();
        }
        scan.focus();
    }

    /** Today's bookings that still hold their room, to lend to; and walk-in. */
    private void loadBookings() {
        StaffSession.current().ifPresent(session -> Desk.act(this, this::say, () -> {
            Site site = session.site();
            Instant now = StaffServices.current().clock().instant();
            List<String> choices = new ArrayList<>();
            Map<String, String> labels = new LinkedHashMap<>();
            List<Booking> today = session.client().bookings(site.id(), now.atZone(site.zone()).toLocalDate());
            remember(today);
            for (Booking booking : today) {
                if ((booking.confirmed() || booking.checkedIn()) && booking.end().isAfter(now)) {
                    choices.add(booking.code());
                    labels.put(booking.code(), booking.code() + " · " + booking.room().name(getLocale().getLanguage()) + " · "
                            + Desk.time(booking.start(), site.zone()) + "–" + Desk.time(booking.end(), site.zone()));
                }
            }
            choices.add(WALK_IN);
            labels.put(WALK_IN, getTranslation("staff.scan.walkIn"));
            String before = lendFor.getValue();
            lendFor.setItems(choices);
            lendFor.setItemLabelGenerator(choice -> labels.getOrDefault(choice, choice));
            lendFor.setValue(choices.contains(before) ? before : choices.get(0));
        }));
    }

    /** A tag arrived from the scanner (or was typed): hand it out or return it, by the mode. */
    void scanned(String typed) {
        String tag = typed == null ? "" : typed.strip();
        scan.clear();
        scan.focus();
        if (tag.isEmpty()) {
            return;
        }
        StaffSession session = StaffSession.current().orElseThrow();
        Desk.act(this, this::say, () -> {
            Device device;
            if (mode == Mode.RETURN) {
                device = session.client().returnDevice(tag);
                say(getTranslation("staff.scan.returned", tag, getTranslation("staff.state." + device.state())));
            } else if (lendFor.getValue() == null) {
                say(getTranslation("staff.scan.chooseFirst"));
                return;
            } else if (WALK_IN.equals(lendFor.getValue())) {
                Instant until = StaffServices.current().clock().instant().plus(Duration.ofHours(walkInHours.getValue()));
                device = session.client().handOutWalkIn(tag, until);
                say(getTranslation("staff.scan.lent", tag, Desk.time(device.loan().dueAt(), session.site().zone())));
            } else {
                device = session.client().handOutForBooking(tag, lendFor.getValue());
                say(getTranslation("staff.scan.lent", tag, Desk.time(device.loan().dueAt(), session.site().zone())));
            }
            show(device);
            filter();
        });
    }

    /** Lists the library's devices again from the server, with today's bookings to name their loans. */
    void refresh() {
        StaffSession.current().ifPresent(session -> Desk.act(this, this::say, () -> {
            Site site = session.site();
            remember(session.client().bookings(site.id(), StaffServices.current().clock().instant().atZone(site.zone()).toLocalDate()));
            board.removeAll();
            cards.clear();
            for (Device device : session.client().devices(site.id())) {
                show(device);
            }
            if (cards.isEmpty()) {
                board.add(new Paragraph(getTranslation("staff.board.none")));
            }
            filter();
        }));
    }

    private void remember(List<Booking> bookings) {
        todays.clear();
        bookings.forEach(booking -> todays.put(booking.id(), booking));
    }

    /** Today's booking a loan belongs to, when it is one of today's. */
    Booking bookingOf(Device device) {
        return device.loan() == null || device.loan().bookingId() == null ? null : todays.get(device.loan().bookingId());
    }

    /** Shows the cards the filters let through and says how many of how many. */
    void filter() {
        String text = find.getValue() == null ? "" : find.getValue().strip().toLowerCase(java.util.Locale.ROOT);
        int visible = 0;
        for (DeviceCard card : cards.values()) {
            Device device = card.device();
            boolean match = show.getValue().includes(device)
                    && (ANY_KIND.equals(kind.getValue()) || kind.getValue().equals(device.kind().name()))
                    && (text.isEmpty() || device.tag().toLowerCase(java.util.Locale.ROOT).contains(text));
            card.setVisible(match);
            visible += match ? 1 : 0;
        }
        shown.setText(getTranslation("staff.filter.count", visible, cards.size()));
        offerWipeShown();
    }

    /** The shown devices that may be wiped now, in the board's order. */
    private List<Device> wipeable() {
        return cards.values().stream().filter(DeviceCard::isVisible).map(DeviceCard::device)
                .filter(device -> device.actions().contains(StaffAction.WIPE)).toList();
    }

    /** The "wipe all shown" button when two or more shown devices may be wiped (one has its own button). */
    private void offerWipeShown() {
        if (wipeShown.getChildren().anyMatch(c -> c.hasClassName("confirmation"))) {
            return; // a question is open: a live change must not take it away
        }
        wipeShown.removeAll();
        int count = wipeable().size();
        if (count >= 2) {
            wipeShown.add(Desk.button("wipe-shown", VaadinIcon.ERASER, getTranslation("staff.wipeShown", count), this::askWipeShown));
        }
    }

    private void askWipeShown() {
        List<Device> devices = wipeable();
        wipeShown.removeAll();
        Div confirm = new Div();
        confirm.setId("confirm-wipe-shown");
        confirm.addClassNames("confirmation", "actions");
        confirm.add(new Paragraph(getTranslation("staff.wipeShown.confirm", devices.size())));
        confirm.add(Desk.button("yes-wipe-shown", VaadinIcon.CHECK, getTranslation("staff.confirm.yes"), () -> {
            wipeShown.removeAll();
            StaffSession session = StaffSession.current().orElseThrow();
            Desk.act(this, this::say, () -> {
                List<Device> wiped = session.client().wipeAll(devices.stream().map(Device::id).toList());
                wiped.forEach(this::show);
                say(getTranslation("staff.wipeShown.done", wiped.size()));
            });
            filter();
        }));
        confirm.add(Desk.button("no-wipe-shown", VaadinIcon.CLOSE, getTranslation("staff.confirm.no"), () -> {
            wipeShown.removeAll();
            filter();
        }));
        wipeShown.add(confirm);
    }

    /**
     * On every (re)connect of the device events: what changed between the first read and the
     * stream's start, or while it was broken, as if it had come as events (a hand-out elsewhere
     * would otherwise stay unseen until the page is opened again). Cards that did not change are
     * left as they are, with a confirmation or history the librarian has open.
     */
    private void catchUp() {
        StaffSession.current().ifPresent(session -> Desk.act(this, this::say, () -> {
            for (Device device : session.client().devices(session.site().id())) {
                DeviceCard card = cards.get(device.id());
                if (card == null || !card.device().equals(device)) {
                    changed(device);
                }
            }
        }));
    }

    /** A change the server reported: a new device gets a card; an open confirmation of the same state stays open. */
    private void changed(Device device) {
        DeviceCard card = cards.get(device.id());
        if (card == null) {
            show(device);
        } else {
            card.changed(device);
        }
        filter();
    }

    /** Puts a device's newest state on its card, making the card if it is new. */
    void show(Device device) {
        StaffSession session = StaffSession.current().orElse(null);
        if (session == null) {
            return;
        }
        DeviceCard card = cards.get(device.id());
        if (card == null) {
            if (cards.isEmpty()) {
                board.removeAll();
            }
            card = new DeviceCard(this, session);
            cards.put(device.id(), card);
            board.add(card);
        }
        card.show(device);
    }

    void say(String words) {
        Desk.say(notice, words);
    }
}
