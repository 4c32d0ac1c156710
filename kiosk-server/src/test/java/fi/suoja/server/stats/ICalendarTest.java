package fi.suoja.server.stats;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarTest {

    @Test
    void text_values_escape_backslash_semicolon_comma_and_line_breaks() {
        assertThat(ICalendar.escape("a\\b;c,d\ne\r\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");
    }

    @Test
    void long_lines_fold_at_75_octets_without_splitting_a_character() {
        String value = "ä".repeat(100);
        String text = new ICalendar().text("LOCATION", value).build();
        String[] lines = text.split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            if (i > 0) {
                assertThat(lines[i]).startsWith(" ");
            }
        }
        // "LOCATION:" is 9 octets, then 33 two-octet characters fill the first line to exactly 75
        assertThat(lines[0].getBytes(StandardCharsets.UTF_8).length).isEqualTo(75);
        assertThat(text.replace("\r\n ", "")).isEqualTo("LOCATION:" + value + "\r\n");
    }

    @Test
    void a_short_line_is_not_folded() {
        assertThat(new ICalendar().property("VERSION", "2.0").build()).isEqualTo("VERSION:2.0\r\n");
    }
}
