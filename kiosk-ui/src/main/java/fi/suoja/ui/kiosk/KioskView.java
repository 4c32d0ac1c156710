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
    /** The screens one can go back between. */
    private static final Set<String> STEPS = Set.of("start", "when", "days", "length", "hours", "rooms", "no-room", "confirm", "card",
            "code", "booking");

    private final Header bar = new Header();
    private final Main main = new Main();
    private final Footer footer = new Footer();

    private Language language = Language.FIRST;
    private boolean largeText;
    private boolean highContrast;

    private String screenName = "start";
    private Supplier<Component> screen;
    private String beforeName;
    private Supplier<Component> beforeScreen;
    private Instant lastActivity;
    private Instant stillHereSince;
    private Instant lastRecheck;
    private Registration poll;
    /** The screens of this visit's booking or lookup so far, for the Back button. */
    private final Deque<Step> history = new ArrayDeque<>();

    private record Step(String name, Supplier<Component> screen) {
    }

    private KioskIdentity me;
    private Site site;

    public KioskView() {
        this.lastActivity = services().clock().instant();
        addClassName("kiosk");
        main.setId("screen");
        add(bar, main, footer);
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
        applyLanguage();
        applyLook();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
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
        return screenName;
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
            case "broken" -> {
                if (lastRecheck == null || !now.isBefore(lastRecheck.plus(RECHECK))) {
                    lastRecheck = now;
                    if (services().client().reachable()) {
                        startOver();
                    }
                }
            }
            case "still-here" -> {
                if (!now.isBefore(stillHereSince.plusSeconds(services().config().stillHereSeconds()))) {
                    startOver();
                }
            }
            default -> {
                boolean nothingToForget = screenName.equals("start") && language == Language.FIRST && !largeText && !highContrast;
                if (!nothingToForget && !now.isBefore(lastActivity.plusSeconds(services().config().idleSeconds()))) {
                    askStillHere(now);
                }
            }
        }
    }

    // ---- screens ----

    private void show(String name, Supplier<Component> next) {
        if (screen != null && !name.equals(screenName) && STEPS.contains(screenName) && STEPS.contains(name)) {
            history.push(new Step(screenName, screen));
        }
        if (name.equals("done") || name.equals("broken")) {
            // a booking made, or the server lost: nothing to go back to from there
            history.clear();
        }
        screenName = name;
        screen = next;
        render();
    }

    private void render() {
        main.removeAll();
        main.getElement().setAttribute("data-screen", screenName);
        try {
            main.add(screen.get());
        } catch (ServerUnreachable e) {
            LOG.warn("Server unreachable: {}", e.getMessage());
            screenName = "broken";
            screen = () -> new BrokenScreen(this);
            main.getElement().setAttribute("data-screen", screenName);
            main.add(screen.get());
        }
        renderBar();
        getUI().ifPresent(ui -> ui.getPage().executeJs(
                "const h = document.getElementById('screen-heading'); if (h) { h.focus({preventScroll: false}); }"));
    }

    private void renderBar() {
        bar.removeAll();
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
        Div tools = new Div(larger, contrast);
        tools.addClassName("tools");
        bar.add(languages, tools);

        footer.removeAll();
        if (!history.isEmpty() && STEPS.contains(screenName)) {
            NativeButton back = Parts.button(this, "back", VaadinIcon.ARROW_BACKWARD, t("bar.back"), this::goBack);
            back.getChildren().findFirst().ifPresent(icon -> icon.addClassName("flip-in-rtl"));
            footer.add(back);
        }
        if (!screenName.equals("start") && !screenName.equals("broken")) {
            footer.add(Parts.button(this, "start-again", VaadinIcon.HOME, t("bar.start"), this::startOver));
        }
        if (!screenName.equals("help") && !screenName.equals("broken") && !screenName.equals("start")) {
            footer.add(Parts.button(this, "ask-help", VaadinIcon.LIFEBUOY, t("bar.help"), this::askForHelp));
        }
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
        language = Language.FIRST;
        largeText = false;
        highContrast = false;
        beforeName = null;
        beforeScreen = null;
        history.clear();
        stillHereSince = null;
        lastActivity = services().clock().instant();
        // each visitor gets the library's rules as they are now (an admin may have changed them)
        site = null;
        applyLanguage();
        applyLook();
        showStart();
    }

    void showStart() {
        show("start", () -> new StartScreen(this));
    }

    void showWhen() {
        show("when", () -> new WhenScreen(this));
    }

    /** Rooms free now; with none (all taken, or closed), when they open and the next free time instead. */
    void chooseNow() {
        Site here = site();
        int minutes = Lengths.shortest(here);
        var rooms = services().client().freeNow(here.id(), minutes);
        if (rooms.isEmpty()) {
            var now = services().client().now(here.id(), minutes, null);
            show("no-room", () -> new NextFreeScreen(this, here, now, minutes, false));
            return;
        }
        show("rooms", () -> new RoomsScreen(this, here, rooms, true));
    }

    void chooseDay(LocalDate day) {
        Site here = site();
        show("length", () -> new LengthScreen(this, here, minutes -> chooseLength(day, minutes)));
    }

    void showDays() {
        Site here = site();
        show("days", () -> new DayScreen(this, here));
    }

    LocalDate today() {
        return services().clock().instant().atZone(site().zone()).toLocalDate();
    }

    /**
     * Every start of the day for that length: at once when they fit on one screen, else the hour
     * first. A day with none offers the next free time from that day on.
     */
    private void chooseLength(LocalDate day, int minutes) {
        Site here = site();
        var rooms = services().client().availability(here.id(), day, minutes).stream()
                .filter(room -> !room.starts().isEmpty()).toList();
        if (rooms.isEmpty()) {
            var now = services().client().now(here.id(), minutes, day);
            show("no-room", () -> new NextFreeScreen(this, here, now, minutes, true));
        } else if (HoursScreen.fitsOnOneScreen(rooms)) {
            show("rooms", () -> new RoomsScreen(this, here, rooms, false));
        } else {
            show("hours", () -> new HoursScreen(this, here, rooms,
                    hour -> show("rooms", () -> new RoomsScreen(this, here, HoursScreen.inHour(here, rooms, hour), false))));
        }
    }

    void pickRoom(RoomChoice room, Instant start, int minutes) {
        Site here = site();
        var wishes = new DeviceWishes(room.equipment());
        show("confirm", () -> new ConfirmScreen(this, here, room, start, minutes, wishes));
    }

    void book(RoomChoice room, Instant start, int minutes, DeviceWishes wishes) {
        if (site().libraryCardRequired()) {
            show("card", () -> new CardScreen(this, room, start, minutes, wishes));
            return;
        }
        book(room, start, minutes, wishes, null);
    }

    void book(RoomChoice room, Instant start, int minutes, DeviceWishes wishes, String libraryCard) {
        Site here = site();
        try {
            Booking booking = services().client().book(room.roomId(), start, minutes, language.tag(), libraryCard);
            Set<DeviceWishes.Device> asked = wishes.wished();
            show("done", () -> new DoneScreen(this, here, booking, asked));
        } catch (ServerProblem problem) {
            LOG.info("Booking refused: {}", problem.getMessage());
            if (libraryCard != null && (problem.type().equals("card-limit") || "card-invalid".equals(problem.rule())
                    || "card-required".equals(problem.rule()))) {
                String cardNotice = t(problem.type().equals("card-limit") ? "card.limit" : "card.invalid");
                show("card", () -> {
                    CardScreen again = new CardScreen(this, room, start, minutes, wishes);
                    again.refused(cardNotice);
                    return again;
                });
                return;
            }
            String notice = problem.type().equals("room-taken") ? t("problem.taken") : t("problem.rule");
            show("confirm", () -> {
                ConfirmScreen again = new ConfirmScreen(this, here, room, start, minutes, wishes);
                again.refused(notice);
                return again;
            });
        }
    }

    void showCode() {
        show("code", () -> new CodeScreen(this));
    }

    void showBooking(Booking booking, String notice) {
        Site here = site();
        show("booking", () -> new BookingScreen(this, here, booking, notice));
    }

    void askForHelp() {
        services().client().callForHelp();
        if (!screenName.equals("help")) {
            beforeName = screenName;
            beforeScreen = screen;
        }
        show("help", () -> new HelpScreen(this));
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
        String name = beforeName;
        Supplier<Component> previous = beforeScreen;
        beforeName = null;
        beforeScreen = null;
        stillHereSince = null;
        show(name, previous);
    }

    private void askStillHere(Instant now) {
        stillHereSince = now;
        if (!screenName.equals("help")) {
            beforeName = screenName;
            beforeScreen = screen;
        }
        show("still-here", () -> new StillHereScreen(this));
    }

    void showBroken() {
        lastRecheck = services().clock().instant();
        site = null;
        show("broken", () -> new BrokenScreen(this));
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
