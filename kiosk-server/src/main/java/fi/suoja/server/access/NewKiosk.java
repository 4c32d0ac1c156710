package fi.suoja.server.access;

import io.micronaut.serde.annotation.Serdeable;

/** A kiosk just created, with its token: the only time the token is shown. */
@Serdeable
public record NewKiosk(KioskView kiosk, String token) {
}
