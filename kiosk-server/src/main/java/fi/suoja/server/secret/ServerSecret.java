package fi.suoja.server.secret;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A random key the server makes for itself once and shares with its other instances through the database. */
@MappedEntity("server_secret")
record ServerSecret(@Id String name, String secret) {
}
