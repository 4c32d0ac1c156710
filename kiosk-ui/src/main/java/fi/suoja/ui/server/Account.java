package fi.suoja.ui.server;

import java.time.Instant;

/** A staff or administrator account. */
public record Account(long id, String username, String role, boolean active, Instant createdAt) {

    public boolean admin() {
        return "ADMIN".equals(role);
    }
}
