package fi.suoja.server.stats;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar text (RFC 5545): lines end in CRLF, and a content line longer than 75 octets
 * is folded onto continuation lines that start with one space, never inside a UTF-8 character.
 */
final class ICalendar {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /** A property with a value written as it is (dates, codes of the standard). */
    ICalendar property(String name, String value) {
        return line(name + ":" + value);
    }

    /** A property of type TEXT: backslash, semicolon, comma and line breaks escaped. */
    ICalendar text(String name, String value) {
        return property(name, escape(value));
    }

    ICalendar time(String name, Instant instant) {
        return property(name, UTC.format(instant));
    }

    String build() {
        return out.toString();
    }

    private ICalendar line(String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
        return this;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        escaped.append("\\n");
                    }
                }
                default -> escaped.append(c < 0x20 ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
