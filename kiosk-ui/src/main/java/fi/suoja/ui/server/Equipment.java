package fi.suoja.ui.server;

/** What a room has built in, as the server names it. Unknown names from a newer server are left out. */
public enum Equipment {
    COMPUTER, WEBCAM, HEADSET, LARGE_SCREEN, INDUCTION_LOOP
}
