package fi.suoja.server.access;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record LoginResult(String token, Instant expiresAt, String username, Role role) {
}
