package fi.suoja.agent.session;

/** A session step that did not work; the message says which command and why. */
public final class SessionException extends Exception {

    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
