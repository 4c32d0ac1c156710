package fi.suoja.server.access;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** How long a staff login lasts before staff must log in again. */
@ConfigurationProperties("suoja.access")
public record AccessConfig(@Bindable(defaultValue = "10h") @NotNull Duration staffSessionLifetime) {
}
