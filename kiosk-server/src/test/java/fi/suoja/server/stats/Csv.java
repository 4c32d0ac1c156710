package fi.suoja.server.stats;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: records end in CRLF, quoted fields may hold commas, quotes and line breaks. */
final class Csv {

    private Csv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (!field.isEmpty()) {
                    throw new AssertionError("a quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new AssertionError("a CR without LF at " + i);
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n') {
                throw new AssertionError("a bare LF at " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new AssertionError("an unclosed quote");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            throw new AssertionError("the last record does not end in CRLF");
        }
        return rows;
    }
}
