package fi.suoja.server.access;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A logged-in staff member. Only the token's hash is stored, so a database copy logs no one in. */
@MappedEntity("staff_session")
record StaffSession(@Id String tokenHash, long accountId, Instant createdAt, Instant expiresAt) {
}
