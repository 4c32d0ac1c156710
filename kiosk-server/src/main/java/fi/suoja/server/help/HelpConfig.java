package fi.suoja.server.help;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Help calls.
 *
 * @param expireAfter a call nobody has moved on for this long (not acknowledged since it was made,
 *                    or not resolved since it was acknowledged) is closed as EXPIRED, so no call
 *                    stays open for ever; the kiosk, if still showing it, asks the visitor to go to the desk
 */
@ConfigurationProperties("suoja.help")
record HelpConfig(@Bindable(defaultValue = "30m") @NotNull Duration expireAfter) {
}
