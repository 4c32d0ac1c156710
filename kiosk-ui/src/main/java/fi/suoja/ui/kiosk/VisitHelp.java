package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.HelpCall;
import fi.suoja.ui.server.ServerEvents;
import fi.suoja.ui.server.SuojaClient;

import java.util.List;

/**
 * The help call of one visit: raised once, then followed through the server's event stream of
 * this kiosk's calls, which the UI server holds (the browser only gets Vaadin's push), until the
 * call is closed or the visit ends. Other calls of this kiosk (an earlier visitor's) are ignored.
 * {@code onChange} is told on an HTTP client thread; the view reads {@link #call()} under its lock.
 */
final class VisitHelp implements AutoCloseable {

    private final SuojaClient client;
    private final Runnable onChange;
    private HelpCall call;
    private ServerEvents events;

    private VisitHelp(SuojaClient client, HelpCall raised, Runnable onChange) {
        this.client = client;
        this.call = raised;
        this.onChange = onChange;
    }

    /** Raises a call from the kiosk's {@code screen} in {@code language} and starts following it. */
    static VisitHelp raise(SuojaClient client, Screen screen, Language language, Runnable onChange) {
        VisitHelp help = new VisitHelp(client, client.raiseHelpCall(screen.helpFrom(), language.tag()), onChange);
        help.events = client.followHelpCalls(help::seen, help::seen);
        return help;
    }

    synchronized HelpCall call() {
        return call;
    }

    boolean open() {
        return call().open();
    }

    /** The visitor needs no help any more: closed on the server, and no longer followed. */
    void cancel() {
        seen(client.cancelHelpCall(call().id()));
        close();
    }

    /** The stream's state on a (re)connect: what became of this call meanwhile. */
    private void seen(List<HelpCall> state) {
        state.forEach(this::seen);
    }

    private void seen(HelpCall latest) {
        synchronized (this) {
            if (latest.id() != call.id() || latest.status() == call.status() || call.newer(latest) != latest) {
                return;
            }
            call = latest;
        }
        onChange.run();
    }

    /** Stops following; the call itself stays as it is on the server. Closing twice is harmless. */
    @Override
    public void close() {
        ServerEvents following = events;
        if (following != null) {
            following.close();
        }
    }
}
