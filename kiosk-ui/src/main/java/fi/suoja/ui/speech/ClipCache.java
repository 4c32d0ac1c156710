package fi.suoja.ui.speech;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Synthesized clips kept in memory, the least recently used dropped first once they hold more
 * than the bound. A kiosk says the same few hundred texts again and again; the bound keeps a
 * flood of new room names or codes from growing the heap.
 */
public final class ClipCache {

    public record Key(String language, String text, Pace pace) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, byte[]> clips = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    /** @param maxBytes the bound; 0 keeps nothing (every clip is made anew, as for the benchmark's cold taps) */
    public ClipCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a cache of a negative size");
        }
        this.maxBytes = maxBytes;
    }

    public synchronized Optional<byte[]> get(Key key) {
        byte[] clip = clips.get(key);
        if (clip == null) {
            misses++;
        } else {
            hits++;
        }
        return Optional.ofNullable(clip);
    }

    public synchronized void put(Key key, byte[] clip) {
        if (clip.length > maxBytes) {
            return;
        }
        byte[] old = clips.put(key, clip);
        bytes += clip.length - (old == null ? 0 : old.length);
        for (Iterator<Map.Entry<Key, byte[]>> oldest = clips.entrySet().iterator(); bytes > maxBytes && oldest.hasNext(); ) {
            bytes -= oldest.next().getValue().length;
            oldest.remove();
        }
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return clips.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
