package fi.suoja.server.device;

/**
 * Published after an agent's wipe result for a device's open job was recorded, so that features
 * such as the metrics can count wipes without the fleet knowing them.
 */
public record WipeReported(String deviceId, boolean verified, long durationMillis) {
}
