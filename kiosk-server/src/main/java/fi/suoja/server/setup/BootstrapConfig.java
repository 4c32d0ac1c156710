package fi.suoja.server.setup;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What to create on the first start.
 *
 * @param adminPassword     the first admin's password; when empty one is made up and written to {@code passwordFile}
 * @param kioskToken        a token for a first kiosk at the demo site, so a kiosk UI can start without an admin
 */
@ConfigurationProperties("suoja.bootstrap")
public record BootstrapConfig(
        @Bindable(defaultValue = "admin") String adminUsername,
        @Nullable String adminPassword,
        @Bindable(defaultValue = "./data/initial-admin-password") String passwordFile,
        @Bindable(defaultValue = "true") boolean demo,
        @Nullable String kioskToken) {
}
