package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import fi.suoja.hardware.card.CardFormat;
import fi.suoja.hardware.card.CardRead;
import fi.suoja.hardware.card.KeyboardWedge;
import fi.suoja.ui.ConnectionTexts;
import fi.suoja.ui.server.Booking;
import fi.suoja.ui.server.KioskIdentity;
import fi.suoja.ui.server.RoomChoice;
import fi.suoja.ui.server.ServerProblem;
import fi.suoja.ui.server.ServerUnreachable;
import fi.suoja.ui.server.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The citizen kiosk: one page whose main area shows one screen at a time. The bar above holds
 * what must be on every screen (languages, larger text, high contrast, help); this class keeps
 * the visitor's choices and forgets all of them when the kiosk starts over.
 */
@Route("")
@StyleSheet("context://kiosk.css")
public class KioskView extends Div implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(KioskView.class);
    /** How often the "does not work" screen asks whether the server is back. */
    private static final Duration RECHECK = Duration.ofSeconds(5);
    /**
     * A receipt's QR code read by a 2D barcode scanner that types like a keyboard: the booking code
     * (its dashes, or whatever the keyboard layout makes of them, dropped), typed faster than any hand.
     */
    static final CardFormat SCANNED_CODE = new CardFormat(CodeScreen.LENGTH, CodeScreen.LENGTH, true);
    static final Duration SCANNER_KEY_GAP = Duration.ofMillis(150);
    /** The page hands over the last keys typed, this many at most. */
    private static final int SCANNED_KEYS_MAX = 64;
    /**
     * Hands the keys typed where no text field has the focus to the view, each with its time, when
     * Enter ends them; Enter then does nothing else (such as pressing a focused button). Keys a
     * second apart, or a key such as Tab or an arrow, start anew, so that a keyboard user's Enter on
     * a button is never taken for the end of a scan; Shift is how a scanner types capitals.
     */
    private static final String SCANNER_SCRIPT = """
            const view = $0;
            if (window.suojaScanner) { window.suojaScanner.view = view; return; }
            const scan = window.suojaScanner = {view: view, keys: '', times: []};
            document.addEventListener('keydown', e => {
              const focused = document.activeElement;
              if (e.ctrlKey || e.altKey || e.metaKey || (focused && (focused.isContentEditable
                  || ['INPUT', 'TEXTAREA', 'SELECT'].includes(focused.tagName)))) { return; }
              const at = Math.round(e.timeStamp);
              if (scan.times.length && at - scan.times[scan.times.length - 1] > 1000) { scan.keys = ''; scan.times = []; }
              if (e.key === 'Enter') {
                if (scan.keys) {
                  e.preventDefault();
                  scan.view.dispatchEvent(new CustomEvent('suoja-scan',
                      {detail: {keys: scan.keys, times: scan.times.concat([at]).join(',')}}));
                }
                scan.keys = ''; scan.times = [];
              } else if (e.key.length === 1) {
                scan.keys = (scan.keys + e.key).slice(-$1);
                scan.times = scan.times.concat([at]).slice(-$1);
              } else if (e.key !== 'Shift' && e.key !== 'CapsLock') {
                scan.keys = ''; scan.times = [];
              }
            });
            """;

    private final Header bar = new Header();
    private final Main main = new Main();
    private final HelpNotice helpNotice = new HelpNotice();
    private final Footer footer = new Footer();

    private Language language = Language.FIRST;
    private boolean largeText;
    private boolean highContrast;
    /** Reads the screen aloud; in the bar, so it is in the same place on every screen. */
    private final ListenButton listen = new ListenButton(this, main.getElement());
    /**
     * The bar's tools, Listen first. Listen stays attached while the bar is redrawn (larger text,
     * contrast, a help call answered): only a new screen or language stops a reading.
     */
    private final Div tools = new Div(listen);

    private Screen screenName = Screen.START;
    private Supplier<Component> screen;
    private Screen beforeName;
    private Supplier<Component> beforeScreen;
    private Instant lastActivity;
    private Instant stillHereSince;
    private Instant lastRecheck;
    private Registration poll;
    /** The screens of this visit's booking or lookup so far, for the Back button. */
    private final Deque<Step> history = new ArrayDeque<>();

    private record Step(Screen name, Supplier<Component> screen) {
    }

    /**
     * The visitor's choice of rooms and times, asked of the server again ({@link #chooseNow} or
     * {@link #chooseLength}), and how many steps were behind it when it was first shown: a booking
     * refused on the confirm or card screen goes back there with what is free now. Going back with
     * the Back button instead shows the list as it was.
     */
    private Runnable choiceAgain;
    private int stepsBeforeChoice;
    /**
     * The library card the visitor gave in this visit, while a booking with it was refused for
     * something else (the room taken, the time passed): the next try does not ask for it again.
     * Forgotten when the card itself is refused and when the visit ends.
     */
    private String cardOfThisVisit;
    /**
     * The translation key of a notice for the next screen shown, under its heading: why the
     * visitor is back at a choice. It stays with that screen (a change of language says it again).
     */
    private String noticeOnNext;

    private KioskIdentity me;
    private Site site;
    /** This visit's help call, followed live; null until the visitor asks. */
    private VisitHelp help;
    private final KeyboardWedge scanner = new KeyboardWedge(SCANNED_CODE, SCANNER_KEY_GAP);

    public KioskView() {
        this.lastActivity = services().clock().instant();
        addClassName("kiosk");
        main.setId("screen");
        add(bar, main, helpNotice, footer);
        getElement().addEventListener("suoja-scan", scan -> scanned(scan.getEventData().getString("event.detail.keys"),
                        scan.getEventData().getString("event.detail.times")))
                .addEventData("event.detail.keys").addEventData("event.detail.times");
        showStart();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        VaadinSession.getCurrent().setErrorHandler(error -> {
            // Whatever failed, the visitor sees a calm screen, never a stack trace.
            LOG.error("Kiosk screen failed", error.getThrowable());
            ui.access(this::showBroken);
        });
        ui.setPollInterval(1000);
        poll = ui.addPollListener(e -> tick());
        ui.getPage().executeJs(SCANNER_SCRIPT, getElement(), SCANNED_KEYS_MAX);
        applyLanguage();
        applyLook();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
        if (help != null) {
            help.close();
        }
    }

    @Override
    public String getPageTitle() {
        return t("app.title");
    }

    String t(String key, Object... params) {
        return getTranslation(language.locale(), key, params);
    }

    Language language() {
        return language;
    }

    /** Looked up on each use, so a kiosk set up anew (as tests do) is used at once. */
    KioskServices services() {
        return KioskServices.current();
    }

    /** The name of the screen shown, for tests and for the page's {@code data-screen}. */
    public String screenName() {
        return screenName.id();
    }

    // ---- every tap goes through here ----

    /** Runs a visitor's action: counts it as activity, and turns a lost server into the calm screen. */
    void act(Runnable action) {
        lastActivity = services().clock().instant();
        try {
            action.run();
        } catch (ServerUnreachable e) {
            LOG.warn("Server unreachable: {}", e.getMessage());
            showBroken();
        }
    }

    /** Called every second by the page: the idle question, starting over, and recovery. */
    public void tick() {
        Instant now = services().clock().instant();
        switch (screenName) {
            case BROKEN -> {
                if (lastRecheck == null || !now.isBefore(lastRecheck.plus(RECHECK))) {
                    lastRecheck = now;
                    if (services().client().reachable()) {
                        startOver();
                    }
                }
            }
            case STILL_HERE -> {
                if (!now.isBefore(stillHereSince.plusSeconds(services().config().stillHereSeconds())) || codesLeftAlone(now)) {
                    startOver();
                }
            }
            case DONE -> {
                if (codesLeftAlone(now)) {
                    // straight to the start, not through the idle question: its wait would leave the codes for the next person
                    startOver();
                } else if (!now.isBefore(lastActivity.plusSeconds(services().config().idleSeconds()))) {
                    askStillHere(now);
                }
            }
            case START, WHEN, DAYS, LENGTH, HOURS, ROOMS, NO_ROOM, CONFIRM, CARD, CODE, BOOKING, ASK, HELP -> {
                boolean nothingToForget = screenName == Screen.START && language == Language.FIRST && !largeText && !highContrast;
                // waiting for staff is not being idle: the help screen stays until the call is over
                boolean waitingForStaff = screenName == Screen.HELP && help != null && help.open();
                if (!nothingToForget && !waitingForStaff
                        && !now.isBefore(lastActivity.plusSeconds(services().config().idleSeconds()))) {
                    askStillHere(now);
                }
            }
        }
    }

    /** Whether a new booking's codes have been on the screen (or behind the idle question) too long without a touch. */
    private boolean codesLeftAlone(Instant now) {
        boolean codesShown = screenName == Screen.DONE || beforeName == Screen.DONE;
        return codesShown && !now.isBefore(lastActivity.plusSeconds(services().config().doneSeconds()));
    }

    /**
     * Keys a keyboard-style scanner typed, with their times in the browser and the Enter's last: a
     * receipt's QR code opens its booking, with the check-in button; a paper that is no booking's
     * gets a plain message on the code screen, and the server counts it as a wrong code. Keys
     * typed by hand, slower than a scanner, are not a scan and do nothing.
     */
    void scanned(String keys, String times) {
        if (!screenName.takesScans()) {
            return;
        }
        String[] stamps = keys.isEmpty() || keys.length() > SCANNED_KEYS_MAX ? new String[0] : times.split(",", SCANNED_KEYS_MAX + 2);
        if (stamps.length != keys.length() + 1) {
            LOG.warn("A scan that does not add up: {} keys, {} times", keys.length(), stamps.length);
            return;
        }
        Optional<CardRead> read = Optional.empty();
        try {
            for (int i = 0; i <= keys.length(); i++) {
                read = scanner.key(i < keys.length() ? keys.charAt(i) : '\r', Long.parseLong(stamps[i].strip()));
            }
        } catch (NumberFormatException e) {
            LOG.warn("A scan with times that are not numbers");
            return;
        }
        read.ifPresent(code -> act(() -> {
            if (!(code instanceof CardRead.Accepted booking)) {
                showCode(t("scan.wrong"));
                return;
            }
            try {
                showBooking(services().client().find(booking.number().value()), null);
            } catch (ServerProblem problem) {
                showCode(t(Problem.of(problem) == Problem.TOO_MANY_ATTEMPTS ? "code.tooMany" : "scan.wrong"));
            }
        }));
    }

    // ---- screens ----

    private void show(Screen name, Supplier<Component> next) {
        if (screen != null && name != screenName && screenName.step() && name.step()) {
            history.push(new Step(screenName, screen));
        }
        if (name.endsHistory()) {
            // a booking made, or the server lost: nothing to go back to from there
            history.clear();
        }
        screenName = name;
        String notice = noticeOnNext;
        noticeOnNext = null;
        screen = notice == null ? next : () -> {
            Component shown = next.get();
            // under the screen's heading, which is its first child and gets the focus
            shown.getElement().insertChild(1, Parts.notice("choice-notice", t(notice)).getElement());
            return shown;
        };
        render();
    }

    private void render() {
        main.removeAll();
        main.getElement().setAttribute("data-screen", screenName.id());
        try {
            main.add(screen.get());
        } catch (ServerUnreachable e) {
            LOG.warn("Server unreachable: {}", e.getMessage());
            screenName = Screen.BROKEN;
            screen = () -> new BrokenScreen(this);
            main.getElement().setAttribute("data-screen", screenName.id());
            main.add(screen.get());
        }
        listen.reset();
        renderBar();
        getUI().ifPresent(ui -> ui.getPage().executeJs(
                "const h = document.getElementById('screen-heading'); if (h) { h.focus({preventScroll: false}); }"));
    }

    private void renderBar() {
        bar.getChildren().filter(child -> child != tools).toList().forEach(bar::remove);
        Nav languages = new Nav();
        languages.addClassName("languages");
        languages.getElement().setAttribute("aria-label", t("bar.languages"));
        for (Language each : Language.values()) {
            NativeButton button = new NativeButton(each.ownName());
            button.setId("lang-" + each.tag());
            button.addClassName("language");
            button.getElement().setAttribute("lang", each.tag());
            button.getElement().setAttribute("aria-pressed", Boolean.toString(each == language));
            button.addClickListener(click -> act(() -> setLanguage(each)));
            languages.add(button);
        }
        NativeButton larger = Parts.button(this, "larger-text", VaadinIcon.TEXT_HEIGHT, t("bar.larger"),
                () -> { largeText = !largeText; applyLook(); renderBar(); });
        larger.getElement().setAttribute("aria-pressed", Boolean.toString(largeText));
        NativeButton contrast = Parts.button(this, "high-contrast", VaadinIcon.ADJUST, t("bar.contrast"),
                () -> { highContrast = !highContrast; applyLook(); renderBar(); });
        contrast.getElement().setAttribute("aria-pressed", Boolean.toString(highContrast));
        tools.getChildren().filter(child -> child != listen).toList().forEach(tools::remove);
        tools.add(larger, contrast);
        tools.addClassName("tools");
        bar.addComponentAsFirst(languages);
        if (tools.getParent().isEmpty()) {
            bar.add(tools);
        }

        footer.removeAll();
        if (!history.isEmpty() && screenName.step()) {
            NativeButton back = Parts.button(this, "back", VaadinIcon.ARROW_BACKWARD, t("bar.back"), this::goBack);
            back.getChildren().findFirst().ifPresent(icon -> icon.addClassName("flip-in-rtl"));
            footer.add(back);
        }
        if (screenName.offersStartAgain()) {
            footer.add(Parts.button(this, "start-again", VaadinIcon.HOME, t("bar.start"), this::startOver));
        }
        boolean helpOpen = help != null && help.open();
        if (!helpOpen && screenName.offersHelp()) {
            footer.add(Parts.button(this, "ask-help", VaadinIcon.LIFEBUOY, t("bar.help"), this::askForHelp));
        }
        helpNotice.show(this, help == null ? null : help.call(), screenName.hidesHelpNotice());
    }

    void setLanguage(Language chosen) {
        language = chosen;
        applyLanguage();
        render();
    }

    private void applyLanguage() {
        // on the document for the browser; on this view too, so server-side tests can see it
        getElement().setAttribute("dir", language.rightToLeft() ? "rtl" : "ltr");
        getUI().ifPresent(ui -> {
            ui.setLocale(language.locale());
            ui.setDirection(language.rightToLeft() ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
            ui.getPage().executeJs("document.documentElement.lang = $0", language.tag());
            ui.getPage().setTitle(t("app.title"));
            ConnectionTexts.apply(ui, t("connection.reconnecting"), t("connection.offline"), t("connection.online"));
        });
    }

    private void applyLook() {
        getUI().ifPresent(ui -> {
            ui.getElement().getClassList().set("large-text", largeText);
            ui.getElement().getClassList().set("high-contrast", highContrast);
        });
    }

    /** Back to the first screen with nothing of the last visitor left: language, look, choices, codes. */
    public void startOver() {
        forgetHelp();
        language = Language.FIRST;
        largeText = false;
        highContrast = false;
        beforeName = null;
        beforeScreen = null;
        history.clear();
        choiceAgain = null;
        cardOfThisVisit = null;
        noticeOnNext = null;
        stillHereSince = null;
        lastActivity = services().clock().instant();
        // each visitor gets the library's rules as they are now (an admin may have changed them)
        site = null;
        applyLanguage();
        applyLook();
        showStart();
    }

    void showStart() {
        show(Screen.START, () -> new StartScreen(this));
    }

    void showWhen() {
        show(Screen.WHEN, () -> new WhenScreen(this));
    }

    /** Rooms free now; with none (all taken, or closed), when they open and the next free time instead. */
    void chooseNow() {
        choosing(this::chooseNow);
        Site here = site();
        int minutes = Lengths.shortest(here);
        var rooms = services().client().freeNow(here.id(), minutes);
        if (rooms.isEmpty()) {
            var now = services().client().now(here.id(), minutes, null);
            show(Screen.NO_ROOM, () -> new NextFreeScreen(this, here, now, minutes, false));
            return;
        }
        show(Screen.ROOMS, () -> new RoomsScreen(this, here, rooms, true));
    }

    void chooseDay(LocalDate day) {
        Site here = site();
        show(Screen.LENGTH, () -> new LengthScreen(this, here, minutes -> chooseLength(day, minutes)));
    }

    void showDays() {
        Site here = site();
        show(Screen.DAYS, () -> new DayScreen(this, here));
    }

    LocalDate today() {
        return services().clock().instant().atZone(site().zone()).toLocalDate();
    }

    /**
     * Every start of the day for that length: at once when they fit on one screen, else the hour
     * first. A day with none offers the next free time from that day on.
     */
    private void chooseLength(LocalDate day, int minutes) {
        choosing(() -> chooseLength(day, minutes));
        Site here = site();
        var rooms = services().client().availability(here.id(), day, minutes).stream()
                .filter(room -> !room.starts().isEmpty()).toList();
        if (rooms.isEmpty()) {
            var now = services().client().now(here.id(), minutes, day);
            show(Screen.NO_ROOM, () -> new NextFreeScreen(this, here, now, minutes, true));
        } else if (HoursScreen.fitsOnOneScreen(rooms)) {
            show(Screen.ROOMS, () -> new RoomsScreen(this, here, rooms, false));
        } else {
            show(Screen.HOURS, () -> new HoursScreen(this, here, rooms,
                    hour -> show(Screen.ROOMS, () -> new RoomsScreen(this, here, HoursScreen.inHour(here, rooms, hour), false))));
        }
    }

    private void choosing(Runnable again) {
        choiceAgain = again;
        stepsBeforeChoice = history.size();
    }

    /**
     * Back to the choice of rooms and times, asked of the server again, with a notice: the room
     * was taken meanwhile, say, and the list the visitor saw (which Back would show) still offers it.
     * False when there is no such choice in this visit's steps.
     */
    private boolean chooseAgain(String noticeKey) {
        if (choiceAgain == null || history.size() <= stepsBeforeChoice) {
            return false;
        }
        while (history.size() > stepsBeforeChoice + 1) {
            history.pop();
        }
        Step before = history.pop();
        screenName = before.name();
        screen = before.screen();
        noticeOnNext = noticeKey;
        choiceAgain.run();
        return true;
    }

    void pickRoom(RoomChoice room, Instant start, int minutes) {
        Site here = site();
        var wishes = new DeviceWishes(room.equipment());
        show(Screen.CONFIRM, () -> new ConfirmScreen(this, here, room, start, minutes, wishes));
    }

    void book(RoomChoice room, Instant start, int minutes, DeviceWishes wishes) {
        if (!site().libraryCardRequired()) {
            book(room, start, minutes, wishes, null);
        } else if (cardOfThisVisit != null) {
            book(room, start, minutes, wishes, cardOfThisVisit);
        } else {
            show(Screen.CARD, () -> new CardScreen(this, room, start, minutes, wishes));
        }
    }

    void book(RoomChoice room, Instant start, int minutes, DeviceWishes wishes, String libraryCard) {
        Site here = site();
        try {
            Booking booking = services().client().book(room.roomId(), start, minutes, language.tag(), libraryCard);
            Set<DeviceWishes.Device> asked = wishes.wished();
            show(Screen.DONE, () -> new DoneScreen(this, here, booking, asked));
        } catch (ServerProblem problem) {
            LOG.info("Booking refused: {}", problem.getMessage());
            Problem refusal = Problem.of(problem);
            boolean cardRefused = refusal == Problem.CARD_LIMIT || refusal == Problem.CARD_INVALID
                    || refusal == Problem.CARD_REQUIRED;
            cardOfThisVisit = cardRefused ? null : libraryCard;
            if (libraryCard == null && refusal == Problem.CARD_REQUIRED) {
                // the library began asking for cards after this visit started: ask now, as a new visit would
                show(Screen.CARD, () -> new CardScreen(this, room, start, minutes, wishes));
                return;
            }
            if (libraryCard != null && cardRefused) {
                String cardNotice = t(refusal == Problem.CARD_LIMIT ? "card.limit" : "card.invalid");
                show(Screen.CARD, () -> {
                    CardScreen again = new CardScreen(this, room, start, minutes, wishes);
                    again.refused(cardNotice);
                    return again;
                });
                return;
            }
            if (refusal == Problem.IN_THE_PAST && offerFromNow(here, room, start, minutes, wishes)) {
                return;
            }
            String notice = refusal == Problem.ROOM_TAKEN ? "problem.taken" : "problem.rule";
            if (chooseAgain(notice)) {
                return;
            }
            show(Screen.CONFIRM, () -> {
                ConfirmScreen again = new ConfirmScreen(this, here, room, start, minutes, wishes);
                again.refused(t(notice));
                return again;
            });
        }
    }

    /**
     * The start passed while the visitor read the confirm screen (or found a library card): that
     * screen does not move with the clock, so asking again with the same start would be refused
     * every time. The same room for the same length from now, when it is still free, with its new
     * times to check and book; false when it is not, and the visitor chooses again.
     */
    private boolean offerFromNow(Site here, RoomChoice room, Instant passed, int minutes, DeviceWishes wishes) {
        Optional<Instant> fromNow = services().client().freeNow(here.id(), minutes).stream()
                .filter(free -> free.roomId() == room.roomId())
                .flatMap(free -> free.starts().stream())
                .filter(start -> start.isAfter(passed))
                .findFirst();
        fromNow.ifPresent(start -> show(Screen.CONFIRM, () -> {
            ConfirmScreen again = new ConfirmScreen(this, here, room, start, minutes, wishes);
            again.refused(t("problem.moved"));
            return again;
        }));
        return fromNow.isPresent();
    }

    void showCode() {
        show(Screen.CODE, () -> new CodeScreen(this));
    }

    /** The code screen with a plain message above the keypad. */
    private void showCode(String notice) {
        show(Screen.CODE, () -> {
            CodeScreen screen = new CodeScreen(this);
            screen.refused(notice);
            return screen;
        });
    }

    /** Asks before something that cannot be undone; "no" goes back to the booking as it was. */
    void askFirst(AskScreen.Question question, Booking booking, Runnable yes) {
        show(Screen.ASK, () -> new AskScreen(this, question, () -> showBooking(booking, null), yes));
    }

    void showBooking(Booking booking, String notice) {
        Site here = site();
        show(Screen.BOOKING, () -> new BookingScreen(this, here, booking, notice));
    }

    /**
     * Shows the visit's help call, raising one first unless one is open: one visitor's taps make one
     * call, followed live from here on. The call carries the screen the visitor was on and the
     * language, for the staff member who comes.
     */
    void askForHelp() {
        if (help == null || !help.open()) {
            forgetHelp();
            UI ui = UI.getCurrent();
            help = VisitHelp.raise(services().client(), screenName, language, () -> ui.access(this::helpChanged));
        }
        if (screenName != Screen.HELP) {
            beforeName = screenName;
            beforeScreen = screen;
        }
        show(Screen.HELP, () -> new HelpScreen(this, help.call()));
    }

    /** "I do not need help any more": the call is closed (the desk sees by whom), and the visitor goes on where they were. */
    void cancelHelp() {
        if (help != null && help.open()) {
            help.cancel();
        }
        if (screenName == Screen.HELP) {
            back();
        } else {
            renderBar();
        }
    }

    /** The server says the visit's call changed: staff are coming, or it is over. */
    private void helpChanged() {
        if (help == null) {
            return;
        }
        if (screenName == Screen.HELP) {
            render();
        } else {
            renderBar();
        }
        if (!help.open()) {
            help.close();
        }
    }

    /**
     * The visit is over. Its call stays open on the desk: only a person (the visitor, staff) or, at
     * last, the server's expiry closes a call, as the kiosk cannot tell a visitor who walked away
     * from one who stands by it waiting. The next visitor sees nothing of it.
     */
    private void forgetHelp() {
        if (help != null) {
            help.close();
            help = null;
        }
    }

    /** One screen back in the visit, as the visitor saw it. */
    void goBack() {
        Step previous = history.pop();
        screenName = previous.name();
        screen = previous.screen();
        render();
    }

    /** Back from help or from the idle question to where the visitor was. */
    void back() {
        if (beforeScreen == null) {
            showStart();
            return;
        }
        Screen name = beforeName;
        Supplier<Component> previous = beforeScreen;
        beforeName = null;
        beforeScreen = null;
        stillHereSince = null;
        show(name, previous);
    }

    private void askStillHere(Instant now) {
        stillHereSince = now;
        if (screenName != Screen.HELP) {
            beforeName = screenName;
            beforeScreen = screen;
        }
        show(Screen.STILL_HERE, () -> new StillHereScreen(this));
    }

    void showBroken() {
        lastRecheck = services().clock().instant();
        site = null;
        noticeOnNext = null;
        show(Screen.BROKEN, () -> new BrokenScreen(this));
    }

    /** The kiosk's library, asked from the server once and again after a failure. */
    Site site() {
        if (site == null) {
            me = services().client().me();
            site = services().client().site(me.siteId());
        }
        return site;
    }
}
