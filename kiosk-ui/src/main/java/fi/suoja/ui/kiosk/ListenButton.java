package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fi.suoja.ui.speech.Clip;
import fi.suoja.ui.speech.Speech;
import fi.suoja.ui.speech.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * "Listen": a speaker button, always in the same place on every screen, that reads the screen
 * aloud in the visitor's language (see {@link ScreenReading}); tapped again, it stops. Nothing
 * plays without a tap. While it plays it says so: {@code aria-pressed} and its words change to
 * "Stop". Each text is its own {@code <audio>} element, fetched from this UI server (only by
 * this visit's page) and played one after another; the first plays as soon as it has come, while
 * the others load. Hidden in a language the kiosk cannot say anything in.
 */
class ListenButton extends Div {

    private static final Logger LOG = LoggerFactory.getLogger(ListenButton.class);
    /**
     * Plays the tracks one after another and tells the view when the last one is over. A track
     * that cannot play is passed over. Removing the tracks (a new screen, Stop) pauses them.
     */
    private static final String PLAY = """
            const tracks = Array.from($0.querySelectorAll('audio'));
            const view = $1;
            let next = 0;
            const play = () => {
              if (next >= tracks.length || !tracks[0].isConnected) {
                if (tracks.length && tracks[0].isConnected) { view.dispatchEvent(new CustomEvent('suoja-listen-ended')); }
                return;
              }
              const track = tracks[next++];
              track.onended = play;
              track.onerror = play;
              track.play().catch(play);
            };
            play();
            """;

    private final KioskView kiosk;
    private final Element screen;
    private final NativeButton button = new NativeButton();
    private final Span words = new Span();
    private final Div tracks = new Div();
    private boolean playing;

    ListenButton(KioskView kiosk, Element screen) {
        this.kiosk = kiosk;
        this.screen = screen;
        addClassName("listen");
        button.setId("listen");
        button.addClassName("choice");
        button.addClassName("listen-button");
        button.add(Parts.icon(VaadinIcon.VOLUME_UP), words);
        button.addClickListener(click -> kiosk.act(this::toggle));
        tracks.setId("listen-tracks");
        tracks.addClassName("listen-tracks");
        add(button, tracks);
        getElement().addEventListener("suoja-listen-ended", ended -> stop());
        reset();
    }

    /** A new screen or language: what played stops, and the control is there only if the language can be heard. */
    void reset() {
        stop();
        setVisible(KioskSpeech.current().speaks(kiosk.language().tag()));
    }

    boolean playing() {
        return playing;
    }

    private void toggle() {
        if (playing) {
            stop();
        } else {
            play();
        }
    }

    private void play() {
        Speech speech = KioskSpeech.current();
        Language language = kiosk.language();
        List<Utterance> reading = ScreenReading.of(screen, language);
        tracks.getElement().removeAllChildren();
        for (Utterance utterance : reading) {
            Element audio = new Element("audio");
            audio.setAttribute("preload", "auto");
            audio.setAttribute("data-text", utterance.text());
            audio.setAttribute("src", clip(speech, language.tag(), utterance));
            tracks.getElement().appendChild(audio);
        }
        playing = true;
        show();
        tracks.getElement().executeJs(PLAY, tracks.getElement(), getElement());
    }

    private static DownloadHandler clip(Speech speech, String language, Utterance utterance) {
        return DownloadHandler.fromInputStream(download -> {
            try {
                Optional<Clip> clip = speech.clip(language, utterance);
                if (clip.isEmpty()) {
                    return DownloadResponse.error(404);
                }
                byte[] audio = clip.get().audio();
                return new DownloadResponse(new ByteArrayInputStream(audio), "speech", clip.get().contentType(), audio.length);
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not say \"{}\" in {}", utterance.text(), language, e);
                return DownloadResponse.error(500);
            }
        });
    }

    private void stop() {
        playing = false;
        tracks.getElement().removeAllChildren();
        show();
    }

    private void show() {
        words.setText(kiosk.t(playing ? "listen.stop" : "listen.play"));
        button.getElement().setAttribute("aria-pressed", Boolean.toString(playing));
        getElement().setAttribute("data-playing", Boolean.toString(playing));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stop();
    }
}
