package fi.suoja.ui.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The library's own recordings by a human speaker, one file per text and language:
 * {@code <folder>/<language>/<name>.<wav|ogg|opus|mp3|m4a|webm>}, where the name is the text's
 * key in the kiosk's bundles ({@code start.heading}), {@code char.K} for one character of a code,
 * or {@code text.} and the text itself for a room's name or place ({@code text.Huone 1}).
 * Read from the disk when asked, so a file the library adds is used at once.
 */
public final class Recordings {

    /** Known kinds of audio file, in the order they are looked for, with what the browser is told. */
    static final Map<String, String> TYPES = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Map.of(
            "wav", "audio/wav", "ogg", "audio/ogg", "opus", "audio/ogg", "mp3", "audio/mpeg", "m4a", "audio/mp4",
            "webm", "audio/webm")));
    /** Letters, digits, spaces and a few marks (no slash), not starting with a dot: a name never reaches outside its folder. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N} .,'()_-]{0,150}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final long MAX_BYTES = 8 * 1024 * 1024;

    private final Path folder;

    /** @param folder where the recordings are; null for none */
    public Recordings(Path folder) {
        this.folder = folder;
    }

    public static Recordings none() {
        return new Recordings(null);
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The recording of {@code name} in the language, if the library has one. */
    public Optional<Clip> find(String language, String name) throws IOException {
        if (folder == null || name == null || !LANGUAGE.matcher(language).matches() || !NAME.matcher(name).matches()
                || name.contains("..")) {
            return Optional.empty();
        }
        Path dir = folder.resolve(language);
        for (Map.Entry<String, String> type : TYPES.entrySet()) {
            Path file = dir.resolve(name + "." + type.getKey());
            if (Files.isRegularFile(file) && Files.size(file) <= MAX_BYTES) {
                return Optional.of(new Clip(Files.readAllBytes(file), type.getValue(), Clip.Source.RECORDED));
            }
        }
        return Optional.empty();
    }

    /** How many recordings the language has. */
    public int count(String language) {
        if (folder == null || !LANGUAGE.matcher(language).matches()) {
            return 0;
        }
        Path dir = folder.resolve(language);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                return dot > 0 && TYPES.containsKey(name.substring(dot + 1));
            }).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
