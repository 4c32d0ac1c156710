package fi.suoja.server.device;

/** Published when the server refused a message from a device's topics, so that the metrics can count it. */
public record DeviceMessageRefused(String deviceId, RefusalKind kind) {
}
