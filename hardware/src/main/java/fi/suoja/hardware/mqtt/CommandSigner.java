package fi.suoja.hardware.mqtt;

import fi.suoja.hardware.crypto.Hmac;

import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The device key's HMAC-SHA256, in both directions: the server signs its commands with it, and the
 * agent signs what it reports (statuses and events). Each message has a canonical text that does
 * not depend on JSON formatting, so any implementation can rebuild it; the first line names the
 * kind of message, so a signature of one kind never passes for another:
 * <pre>
 * suoja-command-v1\n{id}\n{deviceId}\n{type}\n{issuedAt}\n{expiresAt}\n{key=value\n ...sorted by key}
 * suoja-status-v1\n{deviceId}\n{epoch}\n{session}\n{online}\n{state}\n{at}\n
 * suoja-event-v1\n{deviceId}\n{type}\n{epoch}\n{session}\n{commandId}\n{state}\n{duplicate}\n{at}\n{detail}\n
 *   and with a wipe report: wipe\n{jobId}\n{verified}\n{filesRemoved}\n{directoriesRemoved}\n{bytesRemoved}\n
 *   {durationMillis}\n{finishedAt}\n{number of failures}\n{failure\n ...in order}
 * </pre>
 * Instants are ISO-8601 in UTC as {@link java.time.Instant#toString()} writes them; an absent
 * value is an empty line; free text (detail, job id, failures) is written with {@code \} as
 * {@code \\}, a line feed as {@code \n} and a carriage return as {@code \r}, so it stays on its line.
 */
public final class CommandSigner {

    private final Hmac hmac;

    public CommandSigner(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("a device key has at least 16 bytes");
        }
        this.hmac = new Hmac(key);
    }

    public static CommandSigner ofBase64(String key) {
        return new CommandSigner(Base64.getDecoder().decode(key));
    }

    public Command sign(Command command) {
        return command.withSignature(mac(canonical(command)));
    }

    public boolean verify(Command command) {
        return matches(canonical(command), command.signature());
    }

    public DeviceStatus sign(DeviceStatus status) {
        return status.withSignature(mac(canonical(status)));
    }

    /** Whether the status carries a signature made with this key over its own content. */
    public boolean verify(DeviceStatus status) {
        return matches(canonical(status), status.signature());
    }

    public Event sign(Event event) {
        return event.withSignature(mac(canonical(event)));
    }

    /** Whether the event carries a signature made with this key over its own content. */
    public boolean verify(Event event) {
        return matches(canonical(event), event.signature());
    }

    public static String canonical(Command command) {
        StringBuilder text = new StringBuilder("suoja-command-v1\n")
                .append(command.id()).append('\n')
                .append(command.deviceId()).append('\n')
                .append(command.type().name()).append('\n')
                .append(command.issuedAt()).append('\n')
                .append(command.expiresAt()).append('\n');
        for (Map.Entry<String, String> p : new TreeMap<>(command.params()).entrySet()) {
            text.append(p.getKey()).append('=').append(p.getValue()).append('\n');
        }
        return text.toString();
    }

    public static String canonical(DeviceStatus status) {
        return new Lines("suoja-status-v1")
                .add(status.deviceId())
                .add(status.epoch())
                .add(status.session())
                .add(status.online())
                .add(status.state())
                .add(status.at())
                .toString();
    }

    public static String canonical(Event event) {
        Lines text = new Lines("suoja-event-v1")
                .add(event.deviceId())
                .add(event.type())
                .add(event.epoch())
                .add(event.session())
                .add(event.commandId())
                .add(event.state())
                .add(event.duplicate())
                .add(event.at())
                .add(event.detail());
        WipeReport wipe = event.wipe();
        if (wipe != null) {
            text.add("wipe")
                    .add(wipe.jobId())
                    .add(wipe.verified())
                    .add(wipe.filesRemoved())
                    .add(wipe.directoriesRemoved())
                    .add(wipe.bytesRemoved())
                    .add(wipe.durationMillis())
                    .add(wipe.finishedAt())
                    .add(wipe.failures().size());
            wipe.failures().forEach(text::add);
        }
        return text.toString();
    }

    /** One value per line; free text escaped so that no value can spill into the next line. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();

        Lines(String first) {
            text.append(first).append('\n');
        }

        Lines add(Object value) {
            String line = value == null ? "" : value instanceof Enum<?> e ? e.name() : value.toString();
            text.append(line.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")).append('\n');
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private boolean matches(String canonical, String signature) {
        return hmac.matchesBase64(canonical, signature);
    }

    private String mac(String canonical) {
        return hmac.base64(canonical);
    }
}
