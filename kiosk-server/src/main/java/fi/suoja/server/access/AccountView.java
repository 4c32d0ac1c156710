package fi.suoja.server.access;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record AccountView(long id, String username, Role role, boolean active, Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.id(), account.username(), account.role(), account.active(), account.createdAt());
    }
}
