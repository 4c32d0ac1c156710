package fi.suoja.ui.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * eSpeak NG (Debian's {@code espeak-ng}) run once per text: the text goes in on standard input
 * (never as an argument, so no text is taken for an option), a WAV file comes out on standard
 * output. Which of the kiosk's languages it has a voice for is asked once, when it is found.
 */
public final class EspeakNg implements Synthesizer {

    /** A text longer than any kiosk sentence is refused rather than handed to a process. */
    static final int MAX_TEXT = 1000;
    private static final long TIMEOUT_SECONDS = 10;
    private static final int MAX_WAV = 16 * 1024 * 1024;

    private final String command;
    private final Set<String> languages;

    private EspeakNg(String command, Set<String> languages) {
        this.command = command;
        this.languages = Set.copyOf(languages);
    }

    /** What looking for eSpeak NG found: the synthesizer, or why there is none. */
    public sealed interface Found permits Found.Usable, Found.Missing {
        record Usable(EspeakNg synthesizer) implements Found {
        }

        record Missing(String reason) implements Found {
        }
    }

    /**
     * Runs {@code command} quietly once per language to learn which voices it has: a missing
     * program or one that fails for every language is {@link Found.Missing}, with the reason.
     */
    public static Found find(String command, Collection<String> wanted) {
        Set<String> voices = new LinkedHashSet<>();
        for (String language : wanted) {
            try {
                Process probe = new ProcessBuilder(command, "-q", "-v", language, "a")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!probe.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    probe.destroyForcibly();
                    return new Found.Missing(command + " did not answer within " + TIMEOUT_SECONDS + " s");
                }
                if (probe.exitValue() == 0) {
                    voices.add(language);
                }
            } catch (IOException e) {
                return new Found.Missing(command + " is not installed (Debian: apt-get install espeak-ng): " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Found.Missing("interrupted while asking " + command + " for its voices");
            }
        }
        if (voices.isEmpty()) {
            return new Found.Missing(command + " has no voice for any of " + wanted);
        }
        return new Found.Usable(new EspeakNg(command, voices));
    }

    @Override
    public Set<String> languages() {
        return languages;
    }

    @Override
    public byte[] wav(String language, String text, Pace pace) throws IOException {
        if (!languages.contains(language)) {
            throw new IllegalArgumentException("no eSpeak NG voice for " + language);
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a text of " + text.length() + " characters is too long to say");
        }
        List<String> call = new ArrayList<>(List.of(command, "-v", language, "-s", Integer.toString(pace.wordsPerMinute()),
                "-b", "1", "--stdout", "--stdin"));
        Process process = new ProcessBuilder(call).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] wav;
        try (InputStream out = process.getInputStream()) {
            wav = readAtMost(out);
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " took longer than " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command + " spoke", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " -v " + language + " ended with " + process.exitValue());
        }
        return withTrueLengths(wav);
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[16 * 1024];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            bytes.write(buffer, 0, read);
            if (bytes.size() > MAX_WAV) {
                throw new IOException("speech longer than " + MAX_WAV + " bytes");
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Writing to a pipe, eSpeak NG cannot know the length when it writes the header and puts
     * 0x7FFFFFFF there; browsers then cannot tell the clip's duration. The header gets the real
     * lengths of the RIFF file and of its {@code data} chunk.
     */
    static byte[] withTrueLengths(byte[] wav) throws IOException {
        if (wav.length < 12 || !new String(wav, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                || !new String(wav, 8, 4, StandardCharsets.US_ASCII).equals("WAVE")) {
            throw new IOException("not a WAV file (" + wav.length + " bytes)");
        }
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, wav.length - 8);
        int at = 12;
        while (at + 8 <= wav.length) {
            String chunk = new String(wav, at, 4, StandardCharsets.US_ASCII);
            if (chunk.equals("data")) {
                header.putInt(at + 4, wav.length - at - 8);
                return wav;
            }
            long size = Integer.toUnsignedLong(header.getInt(at + 4));
            at += 8 + (int) Math.min(size + (size & 1), wav.length);
        }
        throw new IOException("a WAV file without a data chunk");
    }
}
