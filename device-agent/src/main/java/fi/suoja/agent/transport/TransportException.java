package fi.suoja.agent.transport;

/** A connect, subscribe or publish that did not work; the agent retries. */
public final class TransportException extends Exception {

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
