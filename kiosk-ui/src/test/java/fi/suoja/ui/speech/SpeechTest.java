package fi.suoja.ui.speech;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The speech service with a fake synthesizer: recordings first, the cache, and silent languages. */
class SpeechTest {

    static final List<String> KIOSK = List.of("fi", "sv", "en", "ru", "et", "ar", "so", "uk");

    @TempDir
    Path voices;

    final FakeSynthesizer synthesizer = FakeSynthesizer.withEspeakVoices();

    Speech speech(long cacheBytes) {
        return new Speech(KIOSK, Optional.of(synthesizer), null, new Recordings(voices), new ClipCache(cacheBytes));
    }

    @Test
    void a_recording_of_the_text_is_preferred_to_the_voice() throws IOException {
        Files.createDirectories(voices.resolve("fi"));
        byte[] recorded = FakeSynthesizer.silence(1234);
        Files.write(voices.resolve("fi/start.heading.wav"), recorded);

        Clip clip = speech(1 << 20).clip("fi", new Utterance("Hei. Mitä haluat tehdä?", "start.heading", Pace.NORMAL)).orElseThrow();

        assertThat(clip.source()).isEqualTo(Clip.Source.RECORDED);
        assertThat(clip.audio()).isEqualTo(recorded);
        assertThat(clip.contentType()).isEqualTo("audio/wav");
        assertThat(synthesizer.said()).isEmpty();
    }

    @Test
    void a_text_without_a_recording_is_synthesized_in_its_language_once_then_taken_from_the_cache() throws IOException {
        Speech speech = speech(1 << 20);
        Utterance heading = new Utterance("Hej. Vad vill du göra?", "start.heading", Pace.NORMAL);

        Clip first = speech.clip("sv", heading).orElseThrow();
        Clip again = speech.clip("sv", heading).orElseThrow();

        assertThat(first.source()).isEqualTo(Clip.Source.SYNTHESIZED);
        assertThat(again.audio()).isEqualTo(first.audio());
        assertThat(synthesizer.said()).containsExactly(new FakeSynthesizer.Said("sv", "Hej. Vad vill du göra?", Pace.NORMAL));
        assertThat(speech.cache().hits()).isEqualTo(1);
    }

    @Test
    void the_cache_drops_the_least_recently_used_clips_beyond_its_bound() {
        ClipCache cache = new ClipCache(1000);
        ClipCache.Key a = new ClipCache.Key("fi", "a", Pace.NORMAL);
        ClipCache.Key b = new ClipCache.Key("fi", "b", Pace.NORMAL);
        ClipCache.Key c = new ClipCache.Key("fi", "c", Pace.NORMAL);
        cache.put(a, new byte[400]);
        cache.put(b, new byte[400]);
        assertThat(cache.get(a)).isPresent();
        cache.put(c, new byte[400]);

        assertThat(cache.get(b)).as("least recently used").isEmpty();
        assertThat(cache.get(a)).isPresent();
        assertThat(cache.get(c)).isPresent();
        assertThat(cache.bytes()).isEqualTo(800);
        cache.put(new ClipCache.Key("fi", "huge", Pace.NORMAL), new byte[2000]);
        assertThat(cache.size()).as("a clip larger than the whole cache is not kept").isEqualTo(2);
    }

    @Test
    void somali_without_recordings_is_silent_and_staff_are_told_but_recordings_make_it_heard() throws IOException {
        Speech speech = speech(1 << 20);
        assertThat(speech.speaks("so")).isFalse();
        assertThat(speech.speaks("fi")).isTrue();
        assertThat(speech.clip("so", new Utterance("Haye.", "start.heading", Pace.NORMAL))).isEmpty();
        assertThat(speech.status()).anySatisfy(line -> assertThat(line).startsWith("so: SILENT").contains("hidden"));

        Files.createDirectories(voices.resolve("so"));
        Files.write(voices.resolve("so/start.heading.ogg"), new byte[]{1, 2, 3});
        assertThat(speech.speaks("so")).isTrue();
        Clip clip = speech.clip("so", new Utterance("Haye.", "start.heading", Pace.NORMAL)).orElseThrow();
        assertThat(clip.contentType()).isEqualTo("audio/ogg");
        assertThat(synthesizer.said()).isEmpty();
    }

    @Test
    void without_a_synthesizer_every_language_without_recordings_is_silent_and_the_reason_is_logged() {
        Speech speech = new Speech(KIOSK, Optional.empty(), "espeak-ng is not installed", Recordings.none(), new ClipCache(1000));

        assertThat(KIOSK).noneMatch(speech::speaks);
        assertThat(speech.status().get(0)).contains("espeak-ng is not installed");
        assertThat(speech.status()).filteredOn(line -> line.contains("SILENT")).hasSize(8);
    }

    @Test
    void a_program_that_is_not_there_is_found_missing_with_the_reason() {
        EspeakNg.Found found = EspeakNg.find("/nonexistent/espeak-ng", KIOSK);

        assertThat(found).isInstanceOf(EspeakNg.Found.Missing.class);
        assertThat(((EspeakNg.Found.Missing) found).reason()).contains("not installed").contains("apt-get install espeak-ng");
    }

    @Test
    void recording_names_never_reach_outside_the_language_folder() throws IOException {
        Files.createDirectories(voices.resolve("fi"));
        Files.write(voices.resolve("secret.wav"), new byte[]{1});
        Recordings recordings = new Recordings(voices);

        assertThat(recordings.find("fi", "../secret")).isEmpty();
        assertThat(recordings.find("../fi", "secret")).isEmpty();
        assertThat(recordings.find("fi", null)).isEmpty();
    }

    @Test
    void the_lengths_espeak_ng_leaves_open_on_a_pipe_are_written_into_the_header() throws IOException {
        byte[] wav = FakeSynthesizer.silence(100);
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, 0x7FFFFFFF);
        header.putInt(40, 0x7FFFFFFF);

        byte[] fixed = EspeakNg.withTrueLengths(wav);

        ByteBuffer read = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(read.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(read.getInt(40)).isEqualTo(wav.length - 44);
        assertThatThrownBy(() -> EspeakNg.withTrueLengths(new byte[]{1, 2, 3})).isInstanceOf(IOException.class);
    }
}
