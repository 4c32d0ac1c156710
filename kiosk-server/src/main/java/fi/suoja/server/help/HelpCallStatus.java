package fi.suoja.server.help;

/** Where a help call is: new, someone is on the way, done. */
public enum HelpCallStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    /** Open calls are those staff still have to answer or finish. */
    boolean open() {
        return switch (this) {
            case OPEN, ACKNOWLEDGED -> true;
            case RESOLVED -> false;
        };
    }
}
