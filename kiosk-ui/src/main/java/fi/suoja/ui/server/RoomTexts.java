package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.JsonNode;

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
        names = Map.copyOf(names);
        places = Map.copyOf(places);
    }

    /** The name for a reader of {@code language} (a tag such as "sv"). */
    public String name(String language) {
        return names.getOrDefault(language, name);
    }

    /** The place for a reader of {@code language}. */
    public String place(String language) {
        return places.getOrDefault(language, place);
    }

    /** From a view whose first language's texts are in {@code nameField}/{@code placeField}, the others in {@code namesField}/{@code placesField}. */
    static RoomTexts of(JsonNode view, String nameField, String placeField, String namesField, String placesField) {
        return new RoomTexts(view.path(nameField).asText(), view.path(placeField).asText(),
                texts(view.path(namesField)), texts(view.path(placesField)));
    }

    /** From a room view: name, place, names, places. */
    static RoomTexts of(JsonNode room) {
        return of(room, "name", "place", "names", "places");
    }

    private static Map<String, String> texts(JsonNode map) {
        Map<String, String> texts = new TreeMap<>();
        map.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual() && !entry.getValue().asText().isBlank()) {
                texts.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return texts;
    }
}
