package fi.suoja.ui.server;

/** The server no longer takes the staff token (expired, logged out elsewhere, or revoked), or the login was wrong. */
public class NotLoggedIn extends RuntimeException {

    public NotLoggedIn(String message) {
        super(message);
    }
}
