package fi.suoja.server.input;

import fi.suoja.server.problem.SuojaException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of {@link fi.suoja.server.input}, as plain functions: each answers the value, or a
 * sentence that says what is wrong with it.
 */
public final class InputRules {

    /** The first and the last day any date or instant of the API may name. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZoneOffset.ofHours(14)).toInstant();
    private static final Instant LAST_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant();
    /** "09:00", or "09:00:00" as the API itself writes times; no seconds other than 00, no fractions. */
    private static final Pattern MINUTE_TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9](:00)?");

    private InputRules() {
    }

    /** Either the value or why it is refused. */
    public record Checked<T>(T value, String refusal) {

        static <T> Checked<T> ok(T value) {
            return new Checked<>(value, null);
        }

        static <T> Checked<T> refused(String why) {
            return new Checked<>(null, why);
        }

        public boolean ok() {
            return refusal == null;
        }
    }

    /**
     * Text may hold tabs and line breaks but no other control character (NUL, escape, the C1
     * range, a lone half of a surrogate pair): PostgreSQL refuses NUL, and the others only hide
     * what a text says on a screen or in a log.
     */
    public static Optional<String> controlCharacterIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || loneSurrogate) {
                return Optional.of("Text may not contain control characters (found U+%04X).".formatted((int) c));
            }
        }
        return Optional.empty();
    }

    public static Checked<LocalDate> date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return Checked.refused("'" + shortened(text) + "' is not a date like 2026-12-24.");
        }
        return date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)
                ? Checked.refused("A date lies between " + FIRST_DAY + " and " + LAST_DAY + ".")
                : Checked.ok(date);
    }

    /**
     * A date from a path: a route whose path value does not convert is no route at all (404), so
     * such paths take text and read it with this, which answers 400 with the reason.
     */
    public static LocalDate pathDate(String text) {
        Checked<LocalDate> date = date(text);
        if (!date.ok()) {
            throw SuojaException.invalid(date.refusal());
        }
        return date.value();
    }

    public static Checked<Instant> instant(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Checked.refused("'" + shortened(text) + "' is not a time like 2026-12-24T10:00:00Z.");
        }
        return instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)
                ? Checked.refused("A time lies between " + FIRST_DAY + " and " + LAST_DAY + ".")
                : Checked.ok(instant);
    }

    public static Checked<LocalTime> minuteTime(String text) {
        if (!MINUTE_TIME.matcher(text).matches()) {
            return Checked.refused("'" + shortened(text) + "' is not a time of day like 09:30 (hours and minutes).");
        }
        return Checked.ok(LocalTime.parse(text.substring(0, 5)));
    }

    private static String shortened(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return controlCharacterIn(shown).isPresent() ? "this value" : shown;
    }
}
