package fi.suoja.ui.server;

/**
 * The server understood the request and said no, with a problem+json {@code type} slug (such as
 * {@code room-taken}) and, for a broken booking rule, the rule's slug. The UI picks its plain
 * message by these, never by the server's English text.
 */
public class ServerProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String rule;
    private final String state;
    private final String reason;

    /** With the state of the thing refused and why it is in it, as {@code device-not-ready} carries them. */
    public ServerProblem(int status, String type, String rule, String detail, String state, String reason) {
        super(status + " " + type + (rule == null ? "" : " (" + rule + ")") + ": " + detail);
        this.status = status;
        this.type = type;
        this.rule = rule;
        this.state = state;
        this.reason = reason;
    }

    /** The refused thing's state, e.g. {@code WIPING} for a device, else null. */
    public String state() {
        return state;
    }

    /** Why the thing is in that state, in the server's words (English), else null. */
    public String reason() {
        return reason;
    }

    public int status() {
        return status;
    }

    /** The slug after {@code urn:suoja:problem:}, e.g. {@code booking-not-found}. */
    public String type() {
        return type;
    }

    /** The broken rule's slug for {@code booking-rule}, else null. */
    public String rule() {
        return rule;
    }
}
