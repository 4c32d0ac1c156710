package fi.suoja.ui;

import com.vaadin.flow.component.UI;

/**
 * The words of Vaadin's connection indicator, the strip at the top of the page while the browser
 * cannot reach kiosk-ui (a restart, an upgrade, the network), in the page's language: Vaadin's own
 * are English ("Connection lost, trying to reconnect..."), whatever language the kiosk shows.
 */
public final class ConnectionTexts {

    private ConnectionTexts() {
    }

    /**
     * Sets them for this page: while it tries again, when it has given up (or the browser is
     * offline), and the moment it is back.
     */
    public static void apply(UI ui, String reconnecting, String offline, String online) {
        // Flow's client hands these two to the indicator whenever it sets it up anew
        ui.getReconnectDialogConfiguration().setDialogText(reconnecting);
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(offline);
        ui.getPage().executeJs("const indicator = window.Vaadin && window.Vaadin.connectionIndicator;"
                + " if (indicator) { indicator.reconnectingText = $0; indicator.offlineText = $1; indicator.onlineText = $2; }",
                reconnecting, offline, online);
    }
}
