package fi.suoja.ui;

import java.util.regex.Pattern;

/** What a translation looks like on screen: its text, with any {@code {0}}, {@code {1}} … filled in by something. */
public final class MessagePattern {

    private MessagePattern() {
    }

    public static Pattern of(String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\{\\d+\\}", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
