package fi.suoja.ui.server;

import java.util.Map;
import java.util.TreeMap;

/**
 * A room's name and place as the server gives them: {@code name} and {@code place} in the
 * library's first language, which every room has, and {@code names} and {@code places} in each
 * language they were written in. A reader of a language gets that language's text, else the first
 * language's: the server's rule (its {@code RoomTexts}), which the first language's text being
 * always there makes this simple.
 */
public record RoomTexts(String name, String place, Map<String, String> names, Map<String, String> places) {

    /** The library's first language, whose texts are {@code name} and {@code place} (the API's contract). */
    public static final String FIRST = "fi";

    public RoomTexts {
        names = texts(names);
        places = texts(places);
    }

    /** The name for a reader of {@code language} (a tag such as "sv"). */
    public String name(String language) {
        return names.getOrDefault(language, name);
    }

    /** The place for a reader of {@code language}. */
    public String place(String language) {
        return places.getOrDefault(language, place);
    }

    /** The texts written, without blank ones: a language without its own text reads the first language's. */
    private static Map<String, String> texts(Map<String, String> map) {
        Map<String, String> texts = new TreeMap<>();
        if (map != null) {
            map.forEach((language, text) -> {
                if (text != null && !text.isBlank()) {
                    texts.put(language, text);
                }
            });
        }
        return Map.copyOf(texts);
    }
}
