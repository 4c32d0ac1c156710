package fi.suoja.server.room;

import io.micronaut.core.annotation.Nullable;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A room's name and place in the languages an admin wrote them in.
 *
 * <p>The library's first language ({@link #FIRST}) always has both: they are the room's own name
 * and place, the words on its door sign and on the signs that lead there. A text in any other
 * language is looked up as <em>that language's, else the first language's</em>. The chain needs no
 * further steps (Swedish, then English, then whatever exists) because the first language's text is
 * never missing, and it is the better fallback anyway: it is what the visitor will see written on
 * the walls on the way to the room. Name and place fall back each on its own, so a room whose
 * place is translated but whose name is not shows the translated place.
 *
 * @param names  language tag to name, the first language's included
 * @param places language tag to place, the first language's included
 */
public record RoomTexts(Map<String, String> names, Map<String, String> places) {

    /** The library's first language: the one every room has a name and place in. */
    public static final String FIRST = "fi";
    /** The languages a room's texts may be written in: the kiosk's eight. */
    public static final List<String> LANGUAGES = List.of("fi", "sv", "en", "ru", "et", "ar", "so", "uk");

    public RoomTexts {
        names = Collections.unmodifiableMap(new TreeMap<>(names));
        places = Collections.unmodifiableMap(new TreeMap<>(places));
        Objects.requireNonNull(names.get(FIRST), "a room has a name in the first language");
        Objects.requireNonNull(places.get(FIRST), "a room has a place in the first language");
    }

    /** The name a reader of {@code language} sees (the first language's when there is none in it). */
    public String name(@Nullable String language) {
        return pick(names, language);
    }

    /** The place a reader of {@code language} sees (the first language's when there is none in it). */
    public String place(@Nullable String language) {
        return pick(places, language);
    }

    private static String pick(Map<String, String> texts, @Nullable String language) {
        String own = language == null ? null : texts.get(language);
        return own != null ? own : texts.get(FIRST);
    }
}
