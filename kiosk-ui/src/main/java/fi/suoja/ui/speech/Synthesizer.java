package fi.suoja.ui.speech;

import java.io.IOException;
import java.util.Set;

/** Makes speech from text, in the languages it has a voice for. */
public interface Synthesizer {

    /** The kiosk languages (tags such as {@code fi}) this synthesizer has a voice for. */
    Set<String> languages();

    /** The text said in the language, as a WAV file. */
    byte[] wav(String language, String text, Pace pace) throws IOException;
}
