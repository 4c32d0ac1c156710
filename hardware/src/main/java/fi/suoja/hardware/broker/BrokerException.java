package fi.suoja.hardware.broker;

/** The broker could not be reached or refused a request. */
public final class BrokerException extends Exception {

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
