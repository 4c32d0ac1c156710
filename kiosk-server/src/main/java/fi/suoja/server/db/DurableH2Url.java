package fi.suoja.server.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes an H2 file database write every commit to its file before the commit returns.
 *
 * <p>H2's MVStore keeps committed changes in memory and lets a background thread store them every
 * {@code WRITE_DELAY} milliseconds (500 by default). A server process killed in between (kill -9, an
 * out-of-memory kill) loses the bookings, hand-outs and returns it has already answered. With
 * {@code WRITE_DELAY=0} each commit stores its chunk in the file (the operating system's page cache:
 * H2 does not fsync per commit, see docs/operations.md) before the answer goes out.
 *
 * <p>Only embedded file databases are changed: an in-memory one has no file, and a database behind
 * an H2 TCP server keeps its own settings.
 */
public record DurableH2Url(String url, String change) {

    static final String SETTING = "WRITE_DELAY";

    /** The URL to connect with, and what was changed in it ({@code null}: left as it was). */
    public static DurableH2Url of(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return new DurableH2Url(url, null);
        }
        String[] parts = url.split(";", -1);
        String database = parts[0].substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        if (database.startsWith("mem:") || database.startsWith("tcp:") || database.startsWith("ssl:")
                || database.startsWith("zip:")) {
            return new DurableH2Url(url, null);
        }
        List<String> kept = new ArrayList<>();
        kept.add(parts[0]);
        String before = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).trim();
            if (key.equalsIgnoreCase(SETTING)) {
                before = eq < 0 ? "" : part.substring(eq + 1).trim();
            } else if (!part.isEmpty()) {
                kept.add(part);
            }
        }
        if ("0".equals(before)) {
            return new DurableH2Url(url, null);
        }
        kept.add(SETTING + "=0");
        String change = before == null
                ? SETTING + "=0 added (H2's default of 500 ms loses answered commits when the process dies)"
                : SETTING + "=" + before + " replaced by " + SETTING + "=0 (a delay loses answered commits when the process dies)";
        return new DurableH2Url(String.join(";", kept), change);
    }

    public boolean changed() {
        return change != null;
    }
}
