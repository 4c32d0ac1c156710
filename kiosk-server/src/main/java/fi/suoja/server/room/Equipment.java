package fi.suoja.server.room;

/** What a room has built in; the kiosk shows each as an icon with a word. */
public enum Equipment {
    COMPUTER, WEBCAM, HEADSET, LARGE_SCREEN, INDUCTION_LOOP
}
