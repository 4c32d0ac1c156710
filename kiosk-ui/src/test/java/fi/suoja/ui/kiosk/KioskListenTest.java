package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.dom.Element;
import fi.suoja.ui.speech.ClipCache;
import fi.suoja.ui.speech.FakeSynthesizer;
import fi.suoja.ui.speech.Pace;
import fi.suoja.ui.speech.Recordings;
import fi.suoja.ui.speech.Speech;
import fi.suoja.ui.speech.Utterance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Listen control driven server-side against the real server, with a fake synthesizer: what it
 * reads on each screen, that a second tap stops it, and where it is hidden. The real eSpeak NG and
 * a real browser playing the clips are {@code ListenBrowserTest}'s.
 */
class KioskListenTest extends KaribuKiosk {

    @TempDir
    Path voices;

    FakeSynthesizer synthesizer;
    Speech speech;

    @BeforeEach
    void speech() {
        synthesizer = FakeSynthesizer.withEspeakVoices();
        speech = new Speech(KioskSpeech.LANGUAGES, Optional.of(synthesizer), null, new Recordings(voices), new ClipCache(1 << 20));
        KioskSpeech.install(speech);
        view().startOver();
    }

    NativeButton listen() {
        return _get(NativeButton.class, spec -> spec.withId("listen"));
    }

    /** The control, also when it is hidden (which Karibu's finders pass over). */
    ListenButton listenButton() {
        return descendants(view()).filter(ListenButton.class::isInstance).map(ListenButton.class::cast).findFirst().orElseThrow();
    }

    static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(com.vaadin.flow.component.Component of) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(of), of.getChildren().flatMap(KioskListenTest::descendants));
    }

    boolean listenShown() {
        return listenButton().isVisible();
    }

    /** The texts queued for the browser, in order. */
    List<String> queued() {
        return _get(Div.class, spec -> spec.withId("listen-tracks")).getElement().getChildren()
                .map(audio -> audio.getAttribute("data-text")).toList();
    }

    /** What the browser would fetch for each track, as it would: every clip, in order. */
    void fetchAll() throws IOException {
        for (Utterance utterance : ScreenReading.of(view().getElement().getChildren()
                .filter(e -> e.getTag().equals("main")).findFirst().orElseThrow(), view().language())) {
            speech.clip(view().language().tag(), utterance);
        }
    }

    @Test
    void on_the_start_screen_it_reads_the_heading_the_rooms_free_now_and_the_choices_and_a_second_tap_stops_it() {
        assertThat(listen().getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(listen().getElement().getTextRecursively()).isEqualTo(t("listen.play"));
        assertThat(queued()).as("nothing plays by itself").isEmpty();

        tap("listen");

        assertThat(queued()).containsExactly(t("start.heading"), text("rooms-now").strip(), t("start.now"), t("start.book"),
                t("start.have"), t("start.help"));
        assertThat(listen().getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(listen().getElement().getTextRecursively()).isEqualTo(t("listen.stop"));

        tap("listen");

        assertThat(queued()).isEmpty();
        assertThat(listen().getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(screen()).isEqualTo("start");
    }

    @Test
    void when_the_last_clip_has_played_the_control_says_listen_again() {
        tap("listen");
        fire(_get(ListenButton.class), "suoja-listen-ended", elemental.json.Json.createObject());

        assertThat(listen().getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(queued()).isEmpty();
    }

    @Test
    void a_new_screen_stops_what_was_read_and_the_control_stays_in_the_same_place() {
        tap("listen");
        Element bar = listen().getElement().getParent().getParent();
        tap("book");

        assertThat(screen()).isEqualTo("when");
        assertThat(queued()).isEmpty();
        assertThat(listen().getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(listen().getElement().getParent().getParent().getParent().getTag()).isEqualTo("header");
        assertThat(bar.getClassList()).contains("tools");
    }

    @Test
    void larger_text_and_high_contrast_redraw_the_bar_without_stopping_what_is_read() {
        tap("listen");
        List<String> reading = queued();
        assertThat(reading).isNotEmpty();

        tap("larger-text");
        tap("high-contrast");

        assertThat(_get(NativeButton.class, spec -> spec.withId("larger-text")).getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(queued()).as("the same reading goes on").isEqualTo(reading);
        assertThat(listen().getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(listen().getElement().getParent().getParent().getChildren().map(Element::getTag))
                .as("one Listen, then the two look buttons, in the tools of the bar").hasSize(3);
    }

    @Test
    void on_the_confirm_screen_it_reads_the_room_the_place_the_time_and_the_button_in_the_visitors_language() throws IOException {
        tap("lang-sv");
        tap("book");
        tap("when-now");
        tap("room-" + scene.equippedRoom + "-for-30");
        assertThat(screen()).isEqualTo("confirm");

        tap("listen");
        fetchAll();

        List<String> queued = queued();
        assertThat(queued.get(0)).isEqualTo(t("confirm.heading"));
        assertThat(queued).containsSubsequence(t("confirm.room"), "Room 1", t("confirm.place"));
        assertThat(queued).contains(t("confirm.time"), t("confirm.book"));
        assertThat(synthesizer.said()).allSatisfy(said -> assertThat(said.language()).isEqualTo("sv"));
        assertThat(synthesizer.texts("sv")).containsAll(queued);
        assertThat(queued).as("no English on a Swedish screen").doesNotContain(english("confirm.heading"), english("confirm.book"),
                english("confirm.room"));
    }

    @Test
    void on_the_done_screen_the_codes_are_spelled_slowly_twice_after_the_room_place_and_time() throws IOException {
        String code = bookNow(scene.equippedRoom);
        String door = text("door-code").replace(t("done.doorCode"), "").strip();

        tap("listen");
        fetchAll();

        List<String> queued = queued();
        List<String> spelled = new ArrayList<>();
        spelled.add(t("done.bookingCode"));
        code.replace("-", "").chars().forEach(c -> spelled.add(Character.toString(c)));
        spelled.add(t("done.doorCode"));
        door.chars().forEach(c -> spelled.add(Character.toString(c)));
        assertThat(queued.get(0)).isEqualTo(t("done.heading"));
        assertThat(queued.get(1)).isEqualTo(t("done.keep.now.door"));
        assertThat(queued).containsSubsequence(t("confirm.room"), "Room 1", t("confirm.place"), t("confirm.time"));
        assertThat(Collections.indexOfSubList(queued, spelled)).as("the codes, spelled").isPositive();
        int first = Collections.indexOfSubList(queued, spelled);
        assertThat(queued.subList(first + spelled.size(), first + 2 * spelled.size())).as("and again").isEqualTo(spelled);
        assertThat(queued).as("the dashes of the code are not said").doesNotContain("-");
        assertThat(synthesizer.said()).filteredOn(said -> said.text().length() == 1).isNotEmpty()
                .allSatisfy(said -> assertThat(said.pace()).isEqualTo(Pace.SLOW));
        assertThat(queued).contains(t("done.print"), t("done.finish"));
    }

    @Test
    void in_somali_without_recordings_the_control_is_hidden_and_with_them_it_plays_only_recordings() throws IOException {
        tap("lang-so");
        assertThat(listenShown()).as("Somali has no voice and no recordings").isFalse();

        Files.createDirectories(voices.resolve("so"));
        Files.write(voices.resolve("so/start.heading.wav"), FakeSynthesizer.silence(500));
        tap("lang-so");
        assertThat(listenShown()).isTrue();
        tap("listen");
        fetchAll();
        assertThat(queued()).startsWith(t("start.heading"));
        assertThat(synthesizer.said()).as("nothing is synthesized in Somali").isEmpty();

        tap("lang-fi");
        assertThat(listenShown()).isTrue();
    }

    @Test
    void without_espeak_ng_and_without_recordings_the_control_is_hidden_in_every_language() {
        KioskSpeech.install(new Speech(KioskSpeech.LANGUAGES, Optional.empty(), "espeak-ng is not installed", Recordings.none(),
                new ClipCache(1000)));
        for (Language language : Language.values()) {
            tap("lang-" + language.tag());
            assertThat(listenShown()).as(language.tag()).isFalse();
        }
    }

    @Test
    void in_every_language_the_start_screen_is_read_in_that_language_only() {
        for (Language language : Language.values()) {
            if (language == Language.SO) {
                continue;
            }
            tap("lang-" + language.tag());
            tap("listen");
            List<String> queued = queued();
            assertThat(queued.get(0)).isEqualTo(t("start.heading"));
            if (language != Language.EN) {
                assertThat(queued).as(language.tag()).doesNotContain(english("start.heading"), english("start.now"),
                        english("start.book"), english("start.have"), english("start.help"));
            }
            tap("listen");
        }
    }

    private String english(String key) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(java.util.Locale.ENGLISH, key);
    }
}
