package fi.suoja.ui.server;

/** The server could not be asked: down, unreachable, too slow, or it failed inside. The kiosk shows its calm "does not work" screen. */
public class ServerUnreachable extends RuntimeException {

    public ServerUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
