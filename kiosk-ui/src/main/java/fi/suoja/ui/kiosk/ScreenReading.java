package fi.suoja.ui.kiosk;

import com.vaadin.flow.dom.Element;
import fi.suoja.ui.speech.Pace;
import fi.suoja.ui.speech.Utterance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Listen control says for the screen shown, taken from the screen itself so that it says
 * exactly the words the visitor sees: the heading, the one sentence of instruction (the first),
 * the labelled facts (room, place, time), a booking's codes character by character, slowly and
 * twice, and then the choices. A text that is a bundle text can be said by the recording named
 * by its key; a room's name or place (data) by a recording named after it.
 */
final class ScreenReading {

    /** The facts whose values are codes, spelled one character at a time. */
    static final Set<String> CODES = Set.of("booking-code", "door-code");
    /** The code's characters are said twice: once to hear, once to write down or check. */
    static final int CODE_TIMES = 2;

    /** Read once per language from the classpath, never changed: a memo, not state. */
    private static final Map<Language, Map<String, String>> KEYS = new ConcurrentHashMap<>();

    private final Map<String, String> keysByText;
    private final List<Utterance> heading = new ArrayList<>();
    private final List<Utterance> instruction = new ArrayList<>();
    private final List<Utterance> facts = new ArrayList<>();
    private final List<Utterance> codes = new ArrayList<>();
    private final List<Utterance> choices = new ArrayList<>();
    private boolean instructed;

    private ScreenReading(Map<String, String> keysByText) {
        this.keysByText = keysByText;
    }

    /** What to say for {@code screen} (the screen's root element) shown in {@code language}. */
    static List<Utterance> of(Element screen, Language language) {
        ScreenReading reading = new ScreenReading(keysByText(language));
        reading.walk(screen);
        List<Utterance> all = new ArrayList<>(reading.heading);
        all.addAll(reading.instruction);
        all.addAll(reading.facts);
        for (int i = 0; i < CODE_TIMES; i++) {
            all.addAll(reading.codes);
        }
        all.addAll(reading.choices);
        return all;
    }

    private void walk(Element element) {
        if (element.isTextNode() || !element.isVisible()) {
            return;
        }
        String tag = element.getTag();
        String id = element.getAttribute("id");
        if (tag.equals("h1")) {
            say(element, heading, false);
        } else if ("rooms-now".equals(id) || (tag.equals("p")
                && (element.getClassList().contains("say") || element.getClassList().contains("notice")))) {
            if (!instructed) {
                instructed = true;
                say(element, instruction, false);
            }
        } else if (element.getClassList().contains("fact") && id != null && CODES.contains(id)) {
            spell(element);
        } else if (element.getClassList().contains("fact")) {
            say(element, facts, false);
        } else if (tag.equals("button")) {
            say(element, choices, false);
        } else if (!tag.equals("img")) {
            element.getChildren().forEach(this::walk);
        }
    }

    /** Each piece of text inside the element on its own, so that each can have its recording. */
    private void say(Element element, List<Utterance> into, boolean data) {
        boolean isData = data || element.getClassList().contains(Parts.DATA);
        element.getChildren().forEach(child -> {
            if (child.isTextNode()) {
                String text = child.getText().strip();
                if (!text.isEmpty()) {
                    into.add(new Utterance(text, recording(text, isData), Pace.NORMAL));
                }
            } else if (child.isVisible()) {
                // also what is hidden from screen readers but seen, such as a switch's "No" (they hear aria-checked)
                say(child, into, isData);
            }
        });
    }

    /** A code's label, then its letters and digits one by one, slowly; its dashes are not said. */
    private void spell(Element fact) {
        fact.getChildren().filter(child -> !child.isTextNode()).forEach(child -> {
            String text = child.getTextRecursively().strip();
            if (child.getClassList().contains(Parts.DATA)) {
                text.codePoints().filter(Character::isLetterOrDigit).forEach(c -> {
                    String one = new String(Character.toChars(c));
                    codes.add(new Utterance(one, "char." + one, Pace.SLOW));
                });
            } else if (!text.isEmpty()) {
                codes.add(new Utterance(text, recording(text, false), Pace.NORMAL));
            }
        });
    }

    private String recording(String text, boolean data) {
        if (data) {
            return "text." + text;
        }
        return keysByText.get(text);
    }

    /** The texts of the language's bundle that have no parameters, each with its key. */
    static Map<String, String> keysByText(Language language) {
        return KEYS.computeIfAbsent(language, ScreenReading::load);
    }

    private static Map<String, String> load(Language language) {
        // the kiosk's bundle chain as Vaadin reads it: the language's own texts over the English default
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> keys = new HashMap<>();
        bundle.keySet().stream().sorted().forEach(key -> {
            String text = bundle.getString(key).strip();
            if (!text.contains("{")) {
                keys.putIfAbsent(text, key);
            }
        });
        return Map.copyOf(keys);
    }
}
