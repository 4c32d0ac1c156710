package fi.suoja.ui.server;

import java.time.Instant;
import java.util.Objects;

/** A staff member's session at the server: the bearer token is kept server-side in the Vaadin session only. */
@ApiSchema("LoginResult")
public record StaffLogin(String token, Instant expiresAt, String username, Role role) {

    public StaffLogin {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(username, "username");
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** Never print the token in logs. */
    @Override
    public String toString() {
        return "StaffLogin[" + username + ", " + role + ", until " + expiresAt + "]";
    }
}
