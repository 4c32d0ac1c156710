package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.HelpCall;
import fi.suoja.ui.server.ServerEvents;
import fi.suoja.ui.server.SuojaClient;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The help call of one visit: raised once, then followed through the server's event stream of
 * this kiosk's calls, which the UI server holds (the browser only gets Vaadin's push), until the
 * call is closed or the visit ends. Other calls of this kiosk (an earlier visitor's) are ignored.
 * {@code onChange} is told on an HTTP client thread; the view reads {@link #call()} under its lock.
 */
final class VisitHelp implements AutoCloseable {

    /** The kiosk screens the server knows (its {@code KioskScreen}); any other is sent as OTHER. */
    private static final Set<String> SERVER_SCREENS = Set.of("START", "WHEN", "DAYS", "LENGTH", "HOURS", "ROOMS",
            "NO_ROOM", "CONFIRM", "CARD", "CODE", "BOOKING", "ASK", "DONE", "HELP", "STILL_HERE");

    private final SuojaClient client;
    private final Runnable onChange;
    private HelpCall call;
    private ServerEvents events;

    private VisitHelp(SuojaClient client, HelpCall raised, Runnable onChange) {
        this.client = client;
        this.call = raised;
        this.onChange = onChange;
    }

    /** Raises a call from the kiosk screen {@code screenName} in {@code language} and starts following it. */
    static VisitHelp raise(SuojaClient client, String screenName, Language language, Runnable onChange) {
        VisitHelp help = new VisitHelp(client, client.raiseHelpCall(serverScreen(screenName), language.tag()), onChange);
        help.events = client.followHelpCalls(help::seen, help::seen);
        return help;
    }

    static String serverScreen(String screenName) {
        String name = screenName.toUpperCase(Locale.ROOT).replace('-', '_');
        return SERVER_SCREENS.contains(name) ? name : "OTHER";
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
