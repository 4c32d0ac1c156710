package fi.suoja.hardware.mqtt;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A signed command from the server to one device. The agent acts on a command once per
 * {@code id}, only before {@code expiresAt}, and only if {@code signature} is the HMAC of
 * {@link CommandSigner#canonical(Command)} with the device's own key.
 */
public record Command(
        String id,
        String deviceId,
        CommandType type,
        Instant issuedAt,
        Instant expiresAt,
        Map<String, String> params,
        String signature) {

    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (id.isBlank() || id.length() > 64 || id.contains("\n")) {
            throw new IllegalArgumentException("a command id has 1 to 64 characters on one line");
        }
        params = params == null ? Map.of() : Map.copyOf(new TreeMap<>(params));
        signature = signature == null ? "" : signature;
    }

    public static Command unsigned(String id, DeviceId device, CommandType type, Instant issuedAt, Instant expiresAt,
                                   Map<String, String> params) {
        return new Command(id, device.value(), type, issuedAt, expiresAt, params, "");
    }

    public Command withSignature(String newSignature) {
        return new Command(id, deviceId, type, issuedAt, expiresAt, params, newSignature);
    }

    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException(type + " needs the parameter " + name);
        }
        return value;
    }
}
