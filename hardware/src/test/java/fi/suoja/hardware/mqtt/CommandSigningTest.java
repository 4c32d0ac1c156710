package fi.suoja.hardware.mqtt;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandSigningTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final DeviceId DEVICE = new DeviceId("laptop-7");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final CommandSigner signer = new CommandSigner(KEY);
    private final CommandCheck check = new CommandCheck(DEVICE, signer, Duration.ofMinutes(2));

    private Command wipe() {
        return signer.sign(Command.unsigned("c-1", DEVICE, CommandType.WIPE, NOW, NOW.plus(Duration.ofHours(1)),
                Map.of("jobId", "job-9")));
    }

    @Test
    void the_canonical_text_is_fixed_so_other_implementations_can_rebuild_it() {
        Command command = Command.unsigned("c-1", DEVICE, CommandType.START_SESSION, NOW, NOW.plusSeconds(60),
                Map.of("until", "2026-11-24T11:00:00Z", "a", "b"));
        assertThat(CommandSigner.canonical(command)).isEqualTo("""
                suoja-command-v1
                c-1
                laptop-7
                START_SESSION
                2026-11-24T10:00:00Z
                2026-11-24T10:01:00Z
                a=b
                until=2026-11-24T11:00:00Z
                """);
    }

    @Test
    void a_signed_command_passes_and_survives_the_wire() throws Exception {
        Command sent = wipe();
        Command received = Wire.decode(Wire.encode(sent), Command.class);
        assertThat(received).isEqualTo(sent);
        assertThat(check.check(received, NOW)).isInstanceOf(CommandCheck.Verdict.Accepted.class);
    }

    @Test
    void any_changed_field_breaks_the_signature() {
        Command good = wipe();
        Command[] forged = {
                new Command("c-2", good.deviceId(), good.type(), good.issuedAt(), good.expiresAt(), good.params(), good.signature()),
                new Command(good.id(), good.deviceId(), CommandType.LOCK, good.issuedAt(), good.expiresAt(), good.params(), good.signature()),
                new Command(good.id(), good.deviceId(), good.type(), good.issuedAt(), good.expiresAt().plusSeconds(3600), good.params(), good.signature()),
                new Command(good.id(), good.deviceId(), good.type(), good.issuedAt(), good.expiresAt(), Map.of("jobId", "job-10"), good.signature()),
        };
        for (Command command : forged) {
            assertThat(check.check(command, NOW)).isEqualTo(new CommandCheck.Verdict.Refused("bad signature"));
        }
    }

    @Test
    void a_command_signed_with_another_devices_key_is_refused() {
        CommandSigner other = new CommandSigner("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        Command command = other.sign(Command.unsigned("c-1", DEVICE, CommandType.WIPE, NOW, NOW.plusSeconds(60), Map.of()));
        assertThat(check.check(command, NOW)).isEqualTo(new CommandCheck.Verdict.Refused("bad signature"));
    }

    @Test
    void unsigned_expired_early_and_misaddressed_commands_are_refused_with_a_reason() {
        Command unsigned = Command.unsigned("c-1", DEVICE, CommandType.PING, NOW, NOW.plusSeconds(60), Map.of());
        assertThat(check.check(unsigned, NOW)).isEqualTo(new CommandCheck.Verdict.Refused("unsigned"));

        Command command = signer.sign(unsigned);
        assertThat(check.check(command, NOW.plusSeconds(59))).isInstanceOf(CommandCheck.Verdict.Accepted.class);
        assertThat(check.check(command, NOW.plusSeconds(60))).isInstanceOf(CommandCheck.Verdict.Refused.class);
        assertThat(check.check(command, NOW.minus(Duration.ofMinutes(2)))).isInstanceOf(CommandCheck.Verdict.Accepted.class);
        assertThat(check.check(command, NOW.minus(Duration.ofMinutes(2)).minusSeconds(1))).isInstanceOf(CommandCheck.Verdict.Refused.class);

        Command elsewhere = signer.sign(Command.unsigned("c-1", new DeviceId("laptop-8"), CommandType.PING, NOW, NOW.plusSeconds(60), Map.of()));
        assertThat(((CommandCheck.Verdict.Refused) check.check(elsewhere, NOW)).reason()).contains("another device");
    }
}
