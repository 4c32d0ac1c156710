package fi.suoja.ui.server;

/** A kiosk with a new token: the only time the server shows the token. */
@ApiSchema("NewKiosk")
public record NewKioskToken(Kiosk kiosk, String token) {

    /** Never print the token in logs. */
    @Override
    public String toString() {
        return "NewKioskToken[" + kiosk + "]";
    }
}
