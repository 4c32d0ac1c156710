package fi.suoja.hardware.mqtt;

import java.util.Locale;

/**
 * Why a wipe could not remove or verify something, as a stable code in each line of
 * {@link WipeReport#failures()}: {@code "<area>[/<path>]: <code>[ (<detail>)]"}, for example
 * {@code "home/Downloads/x.pdf: access-denied"}. Staff read it in their language; it never holds
 * an exception's class name or an absolute path.
 */
public enum WipeFailure {
    /** The agent may not remove it (permissions, an immutable flag). */
    ACCESS_DENIED("access-denied"),
    /** A program still has it open, or it is mounted. */
    BUSY("busy"),
    /** The disk is read-only. */
    READ_ONLY("read-only"),
    /** A directory kept an entry that failed. */
    NOT_EMPTY("not-empty"),
    /** The guest area is gone or is no longer a plain directory. */
    AREA_MISSING("area-missing"),
    /** Entries were still there when the area was checked after the wipe. */
    REMAINS("remains"),
    /** The area could not be read to check it. */
    CANNOT_VERIFY("cannot-verify"),
    /** After restoring its clean template the area still differs from it. */
    DIFFERS_FROM_TEMPLATE("differs-from-template"),
    /** The clean template could not be copied back. */
    CANNOT_RESTORE_TEMPLATE("cannot-restore-template"),
    /** Anything else the operating system refused. */
    OTHER("other");

    private final String code;

    WipeFailure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** One line of a report: where, then this code. */
    public String at(String where) {
        return where + ": " + code;
    }

    /** One line of a report with a short detail after the code. */
    public String at(String where, String detail) {
        return where + ": " + code + " (" + detail + ")";
    }

    /**
     * The kind of one report line. Lines of agents before these codes carried the exception's
     * class name or the system's words; those are read too.
     */
    public static WipeFailure of(String line) {
        for (WipeFailure kind : values()) {
            if (line.endsWith(": " + kind.code) || line.contains(": " + kind.code + " (")) {
                return kind;
            }
        }
        String text = line.toLowerCase(Locale.ROOT);
        if (text.contains("accessdenied") || text.contains("permission denied") || text.contains("not permitted")) {
            return ACCESS_DENIED;
        }
        if (text.contains("busy")) {
            return BUSY;
        }
        if (text.contains("read-only file system")) {
            return READ_ONLY;
        }
        if (text.contains("directory not empty") || text.contains("directorynotempty")) {
            return NOT_EMPTY;
        }
        if (text.contains("not empty after the wipe")) {
            return REMAINS;
        }
        return OTHER;
    }
}
