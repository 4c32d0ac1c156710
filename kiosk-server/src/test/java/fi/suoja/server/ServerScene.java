package fi.suoja.server;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;

/** What every test against the embedded server starts from: the server, and its clock that the test moves. */
public abstract class ServerScene {

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected MutableClock clock;
}
