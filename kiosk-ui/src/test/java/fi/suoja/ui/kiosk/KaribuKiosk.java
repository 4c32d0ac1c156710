package fi.suoja.ui.kiosk;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import fi.suoja.hardware.printer.SimulatedPrinter;
import fi.suoja.ui.KioskConfig;
import fi.suoja.ui.MutableClock;
import fi.suoja.ui.TestScene;
import fi.suoja.ui.server.SuojaClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk driven server-side with Karibu-Testing against the real kiosk-server: each test gets
 * a library, rooms and a kiosk of its own. Taps are counted so tests can hold the tap budget.
 */
abstract class KaribuKiosk {

    static final int IDLE_SECONDS = 60;
    static final int STILL_HERE_SECONDS = 20;

    TestScene scene;
    SimulatedPrinter printer;
    MutableClock clock;
    int taps;

    @BeforeEach
    void kiosk() {
        scene = newScene();
        MockVaadin.setup(new Routes().autoDiscoverViews("fi.suoja.ui"));
        printer = new SimulatedPrinter();
        clock = new MutableClock(Instant.now());
        useServer(scene.server);
        UI.getCurrent().navigate(KioskView.class);
        view().startOver();
        taps = 0;
    }

    /** The library of each test: on the shared server unless a test class needs a server of its own. */
    TestScene newScene() {
        return TestScene.create();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    /** Points the kiosk at a server (a dead address simulates a lost server). */
    void useServer(URI server) {
        useServer(server, scene.kioskToken);
    }

    void useServer(URI server, String token) {
        KioskServices.install(new KioskServices(
                new KioskConfig(server, token, IDLE_SECONDS, STILL_HERE_SECONDS, 0),
                new SuojaClient(server, token), printer, clock));
    }

    /** The kiosk with other quiet times. */
    void useTimes(int idleSeconds, int stillHereSeconds, int doneSeconds) {
        KioskServices.install(new KioskServices(
                new KioskConfig(scene.server, scene.kioskToken, idleSeconds, stillHereSeconds, doneSeconds, 0),
                new SuojaClient(scene.server, scene.kioskToken), printer, clock));
    }

    /**
     * Keys typed where no field has the focus, as the page hands them over when Enter ends them:
     * {@code gapMillis} apart in the browser's time, the Enter as fast as the keys.
     */
    void typeOnTheKeyboard(String keys, long gapMillis) {
        keyboardTime += 60_000;
        StringBuilder times = new StringBuilder();
        for (int i = 0; i <= keys.length(); i++) {
            times.append(i == 0 ? "" : ",").append(keyboardTime += gapMillis);
        }
        elemental.json.JsonObject data = elemental.json.Json.createObject();
        data.put("event.detail.keys", keys);
        data.put("event.detail.times", times.toString());
        fire(view(), "suoja-scan", data);
    }

    /** A browser event on a component, with the event data its listener asked for. */
    void fire(Component on, String event, elemental.json.JsonObject data) {
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(on.getElement(),
                new com.vaadin.flow.dom.DomEvent(on.getElement(), event, data));
    }

    private long keyboardTime;

    KioskView view() {
        return _get(KioskView.class);
    }

    String screen() {
        return view().screenName();
    }

    void tap(String id) {
        NativeButton button = _get(NativeButton.class, spec -> spec.withId(id));
        assertThat(button.isEnabled()).as("button " + id + " is enabled").isTrue();
        taps++;
        _click(button);
    }

    boolean has(String id) {
        return !_find(Component.class, spec -> spec.withId(id)).isEmpty();
    }

    String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    /** The first button whose id starts with the prefix, e.g. the first start time of a room. */
    String firstButton(String prefix) {
        List<NativeButton> buttons = _find(NativeButton.class).stream()
                .filter(b -> b.getId().orElse("").startsWith(prefix)).toList();
        assertThat(buttons).as("buttons starting with " + prefix).isNotEmpty();
        return buttons.get(0).getId().orElseThrow();
    }

    /** The last button whose id starts with the prefix, e.g. the latest start time offered for a room. */
    String lastButton(String prefix) {
        List<NativeButton> buttons = _find(NativeButton.class).stream()
                .filter(b -> b.getId().orElse("").startsWith(prefix)).toList();
        assertThat(buttons).as("buttons starting with " + prefix).isNotEmpty();
        return buttons.get(buttons.size() - 1).getId().orElseThrow();
    }

    String t(String key, Object... params) {
        return UI.getCurrent().getTranslation(view().language().locale(), key, params);
    }

    /** Chooses that room for 30 minutes from now and confirms: the kiosk goes on to the card screen or to done. */
    void chooseNowFor30(long roomId) {
        tap("book");
        tap("when-now");
        tap("room-" + roomId + "-for-30");
        tap("confirm");
    }

    /** Books the equipped room for 30 minutes from now and returns the code shown, leaving the kiosk on the done screen. */
    String bookNow(long roomId) {
        chooseNowFor30(roomId);
        assertThat(screen()).isEqualTo("done");
        return shownCode();
    }

    /** The booking code as the done screen shows it, without its label. */
    String shownCode() {
        return text("booking-code").replace(t("done.bookingCode"), "").trim();
    }

    /** A library card number typed on the card screen's keypad, digit by digit. */
    void typeCard(String digits) {
        for (char c : digits.toCharArray()) {
            tap("card-key-" + c);
        }
    }

    /** Lets what the server pushed reach the view, as the browser's next round trip would, until {@code done} or 10 s. */
    static void await(String what, java.util.function.BooleanSupplier done) {
        fi.suoja.ui.Pushes.await(what, done);
    }

    void typeCode(String code) {
        for (char c : code.replace("-", "").toUpperCase(Locale.ROOT).toCharArray()) {
            tap("key-" + c);
        }
    }
}
