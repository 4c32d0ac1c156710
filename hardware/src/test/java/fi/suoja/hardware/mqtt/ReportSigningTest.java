package fi.suoja.hardware.mqtt;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What agents report is signed with the device key over a fixed text, so a broker without ACLs cannot forge it. */
class ReportSigningTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final String EPOCH = "5f0c9a1b2c3d4e5f";

    private final CommandSigner signer = new CommandSigner(KEY);

    private static WipeReport report(boolean verified, List<String> failures) {
        return new WipeReport("wj-9", verified, 12, 3, 4096, failures, 1500, AT.plusSeconds(2));
    }

    private static Event result(WipeReport report) {
        return new Event("laptop-7", EventType.RESULT, EPOCH, 4, "wj-9-1", AgentState.IDLE, "wiped and verified", false,
                report, AT.plusSeconds(3), null);
    }

    @Test
    void the_canonical_texts_are_fixed_so_other_agents_can_rebuild_them() {
        DeviceStatus status = new DeviceStatus("laptop-7", true, EPOCH, 4, AgentState.IDLE, 80, 1L, "0.1.0", "Linux", AT, null);
        assertThat(CommandSigner.canonical(status)).isEqualTo("""
                suoja-status-v1
                laptop-7
                5f0c9a1b2c3d4e5f
                4
                true
                IDLE
                2026-11-24T10:00:00Z
                """);
        assertThat(CommandSigner.canonical(result(report(false, List.of("a\\b", "Downloads/x\ny.pdf"))))).isEqualTo("""
                suoja-event-v1
                laptop-7
                RESULT
                5f0c9a1b2c3d4e5f
                4
                wj-9-1
                IDLE
                false
                2026-11-24T10:00:03Z
                wiped and verified
                wipe
                wj-9
                false
                12
                3
                4096
                1500
                2026-11-24T10:00:02Z
                2
                a\\\\b
                Downloads/x\\ny.pdf
                """);
        Event hello = new Event("laptop-7", EventType.HELLO, EPOCH, 4, null, null, null, false, null, AT, null);
        assertThat(CommandSigner.canonical(hello)).isEqualTo("suoja-event-v1\nlaptop-7\nHELLO\n" + EPOCH + "\n4\n\n\nfalse\n"
                + "2026-11-24T10:00:00Z\n\n");
    }

    @Test
    void a_signed_report_passes_and_survives_the_wire() throws Exception {
        Event sent = signer.sign(result(report(true, List.of())));
        Event received = Wire.decode(Wire.encode(sent), Event.class);
        assertThat(signer.verify(received)).isTrue();
        DeviceStatus status = signer.sign(new DeviceStatus("laptop-7", false, EPOCH, 4, AgentState.DIRTY, null, null,
                "0.1.0", "Linux", AT, null));
        assertThat(signer.verify(Wire.decode(Wire.encode(status), DeviceStatus.class))).isTrue();
    }

    @Test
    void a_changed_outcome_count_job_or_command_breaks_the_signature() {
        Event good = signer.sign(result(report(false, List.of("Downloads/locked.pdf"))));
        WipeReport r = good.wipe();
        List<Event> forged = List.of(
                good.withSignature(null),
                good.withSignature("not base64!"),
                new Event(good.deviceId(), good.type(), good.epoch(), good.session(), "wj-9-2", good.state(), good.detail(),
                        good.duplicate(), r, good.at(), good.signature()),
                new Event("laptop-8", good.type(), good.epoch(), good.session(), good.commandId(), good.state(), good.detail(),
                        good.duplicate(), r, good.at(), good.signature()),
                withReport(good, new WipeReport(r.jobId(), true, r.filesRemoved(), r.directoriesRemoved(), r.bytesRemoved(),
                        r.failures(), r.durationMillis(), r.finishedAt())),
                withReport(good, new WipeReport("wj-10", r.verified(), r.filesRemoved(), r.directoriesRemoved(), r.bytesRemoved(),
                        r.failures(), r.durationMillis(), r.finishedAt())),
                withReport(good, new WipeReport(r.jobId(), r.verified(), 13, r.directoriesRemoved(), r.bytesRemoved(),
                        r.failures(), r.durationMillis(), r.finishedAt())),
                withReport(good, new WipeReport(r.jobId(), r.verified(), r.filesRemoved(), r.directoriesRemoved(), r.bytesRemoved(),
                        List.of(), r.durationMillis(), r.finishedAt())),
                new Event(good.deviceId(), good.type(), "ffffffffffffffff", good.session(), good.commandId(), good.state(),
                        good.detail(), good.duplicate(), r, good.at(), good.signature()),
                new Event(good.deviceId(), good.type(), good.epoch(), 5, good.commandId(), good.state(), good.detail(),
                        good.duplicate(), r, good.at(), good.signature()));
        assertThat(signer.verify(good)).isTrue();
        assertThat(forged).noneMatch(signer::verify);
        CommandSigner other = new CommandSigner("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThat(signer.verify(other.sign(good))).isFalse();
    }

    @Test
    void a_status_signature_does_not_pass_for_another_status() {
        DeviceStatus online = signer.sign(new DeviceStatus("laptop-7", true, EPOCH, 4, AgentState.IDLE, 80, 1L, "0.1.0",
                "Linux", AT, null));
        assertThat(signer.verify(online)).isTrue();
        assertThat(signer.verify(online.offline(AT).withSignature(online.signature()))).isFalse();
        assertThat(signer.verify(new DeviceStatus("laptop-7", true, EPOCH, 5, AgentState.IDLE, 80, 1L, "0.1.0", "Linux", AT,
                online.signature()))).isFalse();
    }

    @Test
    void a_session_counter_or_epoch_out_of_bounds_makes_the_message_malformed() {
        String huge = "{\"deviceId\":\"laptop-7\",\"online\":true,\"epoch\":\"" + EPOCH
                + "\",\"session\":9007199254740993,\"state\":\"IDLE\",\"at\":\"2026-11-24T10:00:00Z\"}";
        assertThatThrownBy(() -> Wire.decode(huge.getBytes(StandardCharsets.UTF_8), DeviceStatus.class))
                .isInstanceOf(Wire.MalformedMessage.class)
                .hasMessageContaining("session counter 9007199254740993 is out of range");
        assertThatThrownBy(() -> new Event("laptop-7", EventType.HELLO, EPOCH, -1, null, null, null, false, null, AT, null))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> new Event("laptop-7", EventType.HELLO, "Not An Epoch", 1, null, null, null, false, null, AT, null))
                .hasMessageContaining("epoch");
        assertThat(new DeviceStatus("laptop-7", true, EPOCH, SessionIds.MAX_SESSION, AgentState.IDLE, null, null, null,
                null, AT, null).session()).isEqualTo(Integer.MAX_VALUE);
    }

    private static Event withReport(Event event, WipeReport report) {
        return new Event(event.deviceId(), event.type(), event.epoch(), event.session(), event.commandId(), event.state(),
                event.detail(), event.duplicate(), report, event.at(), event.signature());
    }
}
