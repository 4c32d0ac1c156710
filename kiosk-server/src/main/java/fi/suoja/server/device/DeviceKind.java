package fi.suoja.server.device;

/**
 * What a device is. Only laptops run the agent and talk MQTT. Webcams and headsets keep no user
 * data, so their "wipe" is a staff check when they come back: staff scan them back (return), which
 * records a manual check report and makes them READY; until then they wait in WIPE_PENDING.
 */
public enum DeviceKind {
    LAPTOP, WEBCAM, HEADSET;

    public boolean hasAgent() {
        return switch (this) {
            case LAPTOP -> true;
            case WEBCAM, HEADSET -> false;
        };
    }

    String idPrefix() {
        return switch (this) {
            case LAPTOP -> "lap";
            case WEBCAM -> "cam";
            case HEADSET -> "hs";
        };
    }
}
