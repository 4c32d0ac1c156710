package fi.suoja.server.broker;

import java.util.Optional;

/** The devices' broker accounts, for a broker in this process that checks them itself. */
public interface BrokerAccounts {

    /**
     * The id of the device whose account this is, if the password is right and the device is in
     * use; the id is also its client id and its topic level.
     */
    Optional<String> device(String username, String password);
}
