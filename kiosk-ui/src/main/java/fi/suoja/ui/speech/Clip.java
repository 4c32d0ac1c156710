package fi.suoja.ui.speech;

import java.util.Objects;

/** The sound of one utterance, as the browser gets it, and where it came from. */
public record Clip(byte[] audio, String contentType, Source source) {

    public enum Source { RECORDED, SYNTHESIZED }

    public Clip {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(source, "source");
    }
}
