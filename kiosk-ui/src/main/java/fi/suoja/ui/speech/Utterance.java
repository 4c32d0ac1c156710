package fi.suoja.ui.speech;

import java.util.Objects;

/**
 * One thing to say: the text exactly as the visitor sees it, the name of the recording that may
 * say it instead ({@code start.heading}, {@code char.K}, {@code text.Huone 1}; null when no
 * recording can, such as a sentence with a number in it), and the pace.
 */
public record Utterance(String text, String recording, Pace pace) {

    public Utterance {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pace, "pace");
        if (text.isBlank()) {
            throw new IllegalArgumentException("nothing to say");
        }
    }
}
