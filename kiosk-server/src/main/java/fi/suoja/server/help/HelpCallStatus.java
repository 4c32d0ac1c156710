package fi.suoja.server.help;

/**
 * Where a help call is: new; someone is on the way; or closed, by staff (done), by the visitor
 * (no help needed any more) or by the server (nobody touched it for too long).
 */
public enum HelpCallStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, CANCELLED, EXPIRED;

    /** Open calls are those staff still have to answer or finish. */
    public boolean open() {
        return switch (this) {
            case OPEN, ACKNOWLEDGED -> true;
            case RESOLVED, CANCELLED, EXPIRED -> false;
        };
    }
}
