package fi.suoja.ui.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A synthesizer that remembers what it was asked to say and answers with a short silent WAV. */
public final class FakeSynthesizer implements Synthesizer {

    public record Said(String language, String text, Pace pace) {
    }

    private final Set<String> languages;
    private final List<Said> said = new CopyOnWriteArrayList<>();

    public FakeSynthesizer(Set<String> languages) {
        this.languages = Set.copyOf(languages);
    }

    /** The seven kiosk languages eSpeak NG has a voice for: all but Somali. */
    public static FakeSynthesizer withEspeakVoices() {
        return new FakeSynthesizer(Set.of("fi", "sv", "en", "ru", "et", "ar", "uk"));
    }

    @Override
    public Set<String> languages() {
        return languages;
    }

    @Override
    public byte[] wav(String language, String text, Pace pace) {
        said.add(new Said(language, text, pace));
        return silence(100 * text.length());
    }

    public List<Said> said() {
        return List.copyOf(said);
    }

    public List<String> texts(String language) {
        return said.stream().filter(s -> s.language().equals(language)).map(Said::text).toList();
    }

    /** A mono 16-bit 22,050 Hz WAV of silence, {@code millis} long. */
    public static byte[] silence(int millis) {
        return tone(millis, 0);
    }

    /** A mono 16-bit 22,050 Hz WAV of a sine tone of {@code hertz}, {@code millis} long (0 Hz: silence). */
    public static byte[] tone(int millis, int hertz) {
        int samples = 22050 * millis / 1000;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(22050).putInt(44100).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * hertz * i / 22050.0)));
        }
        return wav.array();
    }
}
