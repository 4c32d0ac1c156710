package fi.suoja.ui.speech;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the kiosk can say, and the clip for each text: the library's recording where it has one,
 * else eSpeak NG's voice for the language, cached. A language with neither is silent: the kiosk
 * hides its Listen control there, and the start log (and {@link #status()}) tells staff.
 * Made once per application (the kiosk keeps it in the Vaadin context).
 */
public final class Speech {

    private static final Logger LOG = LoggerFactory.getLogger(Speech.class);
    static final long DEFAULT_CACHE_MB = 32;

    private final List<String> languages;
    private final Optional<Synthesizer> synthesizer;
    private final String noSynthesizer;
    private final Recordings recordings;
    private final ClipCache cache;
    /** Texts said once without a clip, so that the log names each gap once, not at every tap. */
    private final Set<String> silentOnce = ConcurrentHashMap.newKeySet();

    /**
     * @param languages     the kiosk's languages, as tags
     * @param synthesizer   the voices, if any
     * @param noSynthesizer why there are none (for the log), when {@code synthesizer} is empty
     */
    public Speech(Collection<String> languages, Optional<Synthesizer> synthesizer, String noSynthesizer,
                  Recordings recordings, ClipCache cache) {
        this.languages = List.copyOf(languages);
        this.synthesizer = synthesizer;
        this.noSynthesizer = noSynthesizer;
        this.recordings = recordings;
        this.cache = cache;
    }

    /**
     * From the settings: {@code suoja.voice.dir} ({@code SUOJA_VOICE_DIR}) the recordings' folder,
     * {@code suoja.espeak} ({@code SUOJA_ESPEAK}, default {@code espeak-ng}) the synthesizer's
     * program, {@code suoja.speech.cache.mb} (32) the cache's bound (0: no cache).
     */
    public static Speech fromSettings(Function<String, String> settings, Collection<String> languages) {
        String command = Optional.ofNullable(settings.apply("suoja.espeak")).orElse("espeak-ng");
        String dir = settings.apply("suoja.voice.dir");
        String cacheMb = settings.apply("suoja.speech.cache.mb");
        ClipCache cache = new ClipCache((cacheMb == null ? DEFAULT_CACHE_MB : Long.parseLong(cacheMb)) * 1024 * 1024);
        Recordings recordings = dir == null ? Recordings.none() : new Recordings(Path.of(dir));
        EspeakNg.Found found = EspeakNg.find(command, languages);
        if (found instanceof EspeakNg.Found.Usable usable) {
            return new Speech(languages, Optional.of(usable.synthesizer()), null, recordings, cache);
        }
        return new Speech(languages, Optional.empty(), ((EspeakNg.Found.Missing) found).reason(), recordings, cache);
    }

    /** Whether anything on the kiosk can be heard in the language: a voice, or recordings. */
    public boolean speaks(String language) {
        return hasVoice(language) || recordings.count(language) > 0;
    }

    /** The library's recordings in the language. */
    public int recordingCount(String language) {
        return recordings.count(language);
    }

    public boolean hasVoice(String language) {
        return synthesizer.map(s -> s.languages().contains(language)).orElse(false);
    }

    /**
     * The clip of one utterance: the recording if the library has one, else the voice's, else
     * none (a language without a voice, a text without a recording).
     */
    public Optional<Clip> clip(String language, Utterance utterance) throws IOException {
        Optional<Clip> recorded = recordings.find(language, utterance.recording());
        if (recorded.isPresent()) {
            return recorded;
        }
        if (!hasVoice(language)) {
            if (silentOnce.add(language + "\u0000" + utterance.text())) {
                LOG.warn("Nothing to say \"{}\" with in {}: no voice, and no recording {}", utterance.text(), language,
                        utterance.recording() == null ? "can say it" : "named " + utterance.recording());
            }
            return Optional.empty();
        }
        ClipCache.Key key = new ClipCache.Key(language, utterance.text(), utterance.pace());
        Optional<byte[]> cached = cache.get(key);
        if (cached.isPresent()) {
            return Optional.of(new Clip(cached.get(), "audio/wav", Clip.Source.SYNTHESIZED));
        }
        byte[] wav = synthesizer.orElseThrow().wav(language, utterance.text(), utterance.pace());
        cache.put(key, wav);
        return Optional.of(new Clip(wav, "audio/wav", Clip.Source.SYNTHESIZED));
    }

    public ClipCache cache() {
        return cache;
    }

    /** One line per language for staff: its voice, its recordings, or that the kiosk is silent there. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        if (synthesizer.isEmpty()) {
            lines.add("No speech synthesizer: " + noSynthesizer);
        }
        for (String language : languages) {
            int recorded = recordings.count(language);
            String voice = hasVoice(language) ? "eSpeak NG voice" : "no voice";
            if (speaks(language)) {
                lines.add(language + ": " + voice + ", " + recorded + " recordings" + recordings.folder().map(f -> " in " + f).orElse(""));
            } else {
                lines.add(language + ": SILENT, no voice and no recordings"
                        + recordings.folder().map(f -> " in " + f.resolve(language)).orElse(" (SUOJA_VOICE_DIR is not set)")
                        + ": the Listen control is hidden in this language");
            }
        }
        return lines;
    }

    /** Writes {@link #status()} to the log, silent languages as warnings. */
    public void logStatus() {
        for (String line : status()) {
            if (line.contains("SILENT") || line.startsWith("No speech")) {
                LOG.warn("Listen: {}", line);
            } else {
                LOG.info("Listen: {}", line);
            }
        }
    }
}
