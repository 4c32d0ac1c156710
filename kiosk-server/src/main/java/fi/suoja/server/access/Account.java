package fi.suoja.server.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A staff or admin account. Only a password hash is kept. */
@MappedEntity("account")
record Account(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        String username,
        String passwordHash,
        Role role,
        boolean active,
        Instant createdAt) {

    static final int USERNAME_MAX = 60;

    Account {
        if (role == Role.KIOSK) {
            throw new IllegalArgumentException("a kiosk is not an account");
        }
    }

    Account deactivated() {
        return new Account(id, username, passwordHash, role, false, createdAt);
    }

    Account withPasswordHash(String hash) {
        return new Account(id, username, hash, role, active, createdAt);
    }
}
