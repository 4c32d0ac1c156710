package fi.suoja.ui.server;

import java.time.Instant;

/** A staff or administrator account. */
@ApiSchema("AccountView")
public record Account(long id, String username, Role role, boolean active, Instant createdAt) {

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
