package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.AgentConfigKeys;
import fi.suoja.hardware.mqtt.AgentState;
import fi.suoja.hardware.mqtt.Command;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.EventType;
import fi.suoja.hardware.mqtt.Wire;
import fi.suoja.hardware.mqtt.WipeReport;
import fi.suoja.server.Api;
import fi.suoja.server.EventStreamClient;
import fi.suoja.server.Eventually;
import fi.suoja.server.LibraryScene;
import fi.suoja.server.ServerDatabase;
import fi.suoja.server.TestBroker;
import fi.suoja.server.booking.BookingJobs;
import fi.suoja.server.broker.MosquittoPassword;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device fleet through the real HTTP API, a real database and a real MQTT broker, with a fake
 * agent (Paho and the contract of {@code hardware}) playing each laptop. Run on H2 by
 * {@link DeviceOnH2Test} and on PostgreSQL by {@link DeviceOnPostgresTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeviceScenarios extends LibraryScene implements TestPropertyProvider, ServerDatabase {

    static final int MAX_ATTEMPTS = 4;

    final String topicRoot = TestBroker.newTopicRoot();

    @Inject
    WipeJobs wipeJobs;

    @Inject
    Loans loans;

    @Inject
    BookingJobs bookingJobs;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Inject
    JsonMapper json;

    String staffName;
    long roomId;
    final List<FakeAgent> agents = new ArrayList<>();

    /** The database of {@link ServerDatabase}, with the broker and fleet settings added. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.putAll(TestBroker.serverProperties(topicRoot));
        properties.put("suoja.fleet.wipe-retry-first", "1m");
        properties.put("suoja.fleet.wipe-retry-ceiling", "4m");
        properties.put("suoja.fleet.wipe-max-attempts", String.valueOf(MAX_ATTEMPTS));
        return properties;
    }

    @BeforeEach
    void roomA() {
        staffName = "staff-" + library.unique();
        roomId = api.createRoom(admin, siteId, "Room A", "08:00", "20:00");
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(FakeAgent::close);
        agents.clear();
    }

    static Instant at(String time) {
        return ZonedDateTime.of(TODAY, LocalTime.parse(time), HELSINKI).toInstant();
    }

    // ---- scene helpers ----

    String newTag() {
        return "TAG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    Api.Answer register(String tag, String kind) {
        return api.post("/api/v1/devices", admin, Map.of("tag", tag, "kind", kind, "siteId", siteId));
    }

    /** Registers a laptop and starts its agent (online, HELLO) in the given mode. */
    FakeAgent laptop(FakeAgent.Mode mode) {
        Api.Answer registered = expect(201, register(newTag(), "LAPTOP"));
        FakeAgent agent = new FakeAgent(registered.string("agentConfig"), TestBroker.url(), clock);
        agent.mode = mode;
        agents.add(agent);
        return agent;
    }

    FakeAgent online(FakeAgent agent, long session) {
        agent.connect(session);
        awaitOnline(agent.id.value(), true);
        agent.hello();
        return agent;
    }

    /** A laptop that has had its first verified wipe. */
    FakeAgent readyLaptop() {
        FakeAgent agent = online(laptop(FakeAgent.Mode.VERIFIED), 1);
        awaitState(agent.id.value(), "READY");
        return agent;
    }

    Api.Answer device(String id) {
        return expect(200, api.get("/api/v1/devices/" + id, staff));
    }

    String tagOf(String id) {
        return device(id).string("tag");
    }

    Api.Answer awaitState(String id, String state) {
        return Eventually.until("device " + id + " to be " + state, () -> device(id), d -> state.equals(d.string("state")));
    }

    void awaitOnline(String id, boolean online) {
        Eventually.until("device " + id + " online=" + online, () -> device(id), d -> Boolean.valueOf(online).equals(d.get("online")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> wipe(Api.Answer device) {
        return (Map<String, Object>) device.get("wipe");
    }

    String book(String start, int minutes) {
        return expect(201, api.post("/api/v1/bookings", kiosk,
                Map.of("roomId", roomId, "start", at(start).toString(), "minutes", minutes))).string("code");
    }

    Api.Answer handOut(String tag, String bookingCode) {
        return api.post("/api/v1/devices/hand-out", staff, Map.of("tag", tag, "bookingCode", bookingCode));
    }

    Api.Answer returnDevice(String tag) {
        return api.post("/api/v1/devices/return", staff, Map.of("tag", tag));
    }

    List<Map<String, Object>> reports(String id) {
        return expect(200, api.get("/api/v1/devices/" + id + "/wipe-reports", staff)).list();
    }

    /** Waits until the server has handled everything published before: a marker status with a new battery level. */
    void drain(FakeAgent agent, int battery) {
        agent.publish(agent.topics.status(agent.id), Wire.encode(agent.status(true, AgentState.IDLE, battery)), true);
        Eventually.until("the marker status", () -> device(agent.id.value()),
                d -> d.get("batteryPercent") != null && ((Number) d.get("batteryPercent")).intValue() == battery);
    }

    Command lastWipe(FakeAgent agent) {
        return Eventually.until("a WIPE command", () -> agent.commandsOf(CommandType.WIPE), l -> !l.isEmpty())
                .get(agent.commandsOf(CommandType.WIPE).size() - 1);
    }

    /** Runs the wipe schedule a second before try {@code attempt}'s lease runs out (nothing is sent), then when it does. */
    void runDueUntil(String id, Instant leaseEnds, int attempt) {
        clock.set(leaseEnds.minusSeconds(1));
        wipeJobs.runDue();
        assertThat(wipe(device(id)).get("attempts")).as("tries before the lease of try %d ran out", attempt).isEqualTo(attempt);
        clock.set(leaseEnds);
        wipeJobs.runDue();
    }

    // ---- the scenarios ----

    @Test
    void a_laptop_goes_from_provisioned_through_a_loan_to_ready_again_only_after_verified_wipes() {
        FakeAgent agent = laptop(FakeAgent.Mode.VERIFIED);
        String id = agent.id.value();
        String tag = tagOf(id);
        assertThat(device(id).string("state")).isEqualTo("PROVISIONED");
        String code = book("10:00", 60);
        assertThat(handOut(tag, code).problem()).isEqualTo("urn:suoja:problem:device-not-ready");

        online(agent, 1);
        Api.Answer ready = awaitState(id, "READY");
        assertThat(ready.get("wipe")).isNull();
        assertThat(ready.get("actions")).isEqualTo(List.of("HAND_OUT", "WIPE", "FAULTY", "RETIRE"));
        assertThat(reports(id)).hasSize(1);
        assertThat(reports(id).get(0).get("verified")).isEqualTo(true);
        Command firstWipe = agent.commandsOf(CommandType.WIPE).get(0);
        assertThat(firstWipe.param("jobId")).isEqualTo(reports(id).get(0).get("jobId"));

        clock.set(at("10:05"));
        Api.Answer lent = expect(200, handOut(tag, code));
        assertThat(lent.string("state")).isEqualTo("ON_LOAN");
        assertThat(lent.get("actions")).isEqualTo(List.of("RETURN", "FAULTY", "RETIRE"));
        assertThat(((Map<?, ?>) lent.get("loan")).get("dueAt")).isEqualTo(at("11:00").toString());
        Command session = Eventually.until("START_SESSION", () -> agent.commandsOf(CommandType.START_SESSION), l -> !l.isEmpty()).get(0);
        assertThat(session.param("until")).isEqualTo(at("11:00").toString());
        assertThat(agent.refusals).isEmpty();

        // The wipe after the loan is seen half-way: received and acknowledged is not done.
        agent.mode = FakeAgent.Mode.ACK_ONLY;
        Api.Answer returned = expect(200, returnDevice(tag));
        assertThat(returned.get("loan")).isNull();
        assertThat(returned.string("state")).isIn("WIPE_PENDING", "WIPING");
        Command secondWipe = Eventually.until("the second WIPE", () -> agent.commandsOf(CommandType.WIPE), l -> l.size() == 2).get(1);
        Eventually.until("the ACK", () -> wipe(device(id)).get("state"), "ACKED"::equals);
        assertThat(device(id).string("state")).isEqualTo("WIPING");
        assertThat(handOut(tag, book("12:00", 30)).problem()).isEqualTo("urn:suoja:problem:device-not-ready");

        agent.answerWipe(secondWipe, true);
        awaitState(id, "READY");
        assertThat(reports(id)).hasSize(2);
        assertThat(reports(id).get(0).get("jobId")).isEqualTo(secondWipe.param("jobId"));
        assertThat(secondWipe.param("jobId")).isNotEqualTo(firstWipe.param("jobId"));
    }

    @Test
    void a_device_is_handed_out_only_when_ready_and_the_refusal_says_its_state_and_why() {
        String code = book("10:00", 60);
        Map<String, String> tagByState = new HashMap<>();

        tagByState.put("PROVISIONED", tagOf(laptop(FakeAgent.Mode.VERIFIED).id.value()));

        FakeAgent lent = readyLaptop();
        expect(200, handOut(tagOf(lent.id.value()), code));
        tagByState.put("ON_LOAN", tagOf(lent.id.value()));

        FakeAgent offline = readyLaptop();
        expect(200, handOut(tagOf(offline.id.value()), code));
        offline.goOffline();
        awaitOnline(offline.id.value(), false);
        expect(200, returnDevice(tagOf(offline.id.value())));
        tagByState.put("WIPE_PENDING", tagOf(offline.id.value()));

        FakeAgent silent = readyLaptop();
        silent.mode = FakeAgent.Mode.SILENT;
        expect(200, api.post("/api/v1/devices/" + silent.id.value() + "/wipe", staff, null));
        awaitState(silent.id.value(), "WIPING");
        tagByState.put("WIPING", tagOf(silent.id.value()));

        FakeAgent failing = online(laptop(FakeAgent.Mode.UNVERIFIED), 1);
        awaitState(failing.id.value(), "WIPE_FAILED");
        tagByState.put("WIPE_FAILED", tagOf(failing.id.value()));

        FakeAgent faulty = readyLaptop();
        expect(200, api.post("/api/v1/devices/" + faulty.id.value() + "/faulty", staff, Map.of("reason", "cracked screen")));
        tagByState.put("FAULTY", tagOf(faulty.id.value()));

        FakeAgent retired = readyLaptop();
        expect(200, api.post("/api/v1/devices/" + retired.id.value() + "/retire", admin, Map.of("reason", "too old")));
        tagByState.put("RETIRED", tagOf(retired.id.value()));

        assertThat(tagByState.keySet()).containsExactlyInAnyOrder(
                Stream.of(DeviceState.values()).filter(s -> s != DeviceState.READY).map(Enum::name).toArray(String[]::new));
        tagByState.forEach((state, tag) -> {
            Api.Answer refused = handOut(tag, code);
            assertThat(refused.status()).as(state).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.problem()).as(state).isEqualTo("urn:suoja:problem:device-not-ready");
            assertThat(refused.string("state")).isEqualTo(state);
            assertThat(refused.string("detail")).isNotBlank();
            assertThat(refused.string("reason")).as(state).isNotBlank();
        });
        assertThat(handOut(tagByState.get("FAULTY"), code).string("reason")).contains("cracked screen");
        assertThat(handOut(tagByState.get("WIPE_FAILED"), code).string("reason")).contains("Downloads/locked.pdf");
    }

    @Test
    void an_unverified_wipe_fails_the_device_with_the_reason_and_only_a_new_verified_wipe_after_repair_makes_it_ready() {
        FakeAgent agent = online(laptop(FakeAgent.Mode.UNVERIFIED), 1);
        String id = agent.id.value();
        Api.Answer failed = awaitState(id, "WIPE_FAILED");
        assertThat(failed.string("stateReason")).contains("could not be verified").contains("Downloads/locked.pdf");
        assertThat(reports(id)).singleElement().satisfies(r -> {
            assertThat(r.get("verified")).isEqualTo(false);
            assertThat(r.get("failures")).isEqualTo(List.of("Downloads/locked.pdf"));
        });

        agent.mode = FakeAgent.Mode.VERIFIED;
        clock.advance(Duration.ofMinutes(10));
        Api.Answer repaired = expect(200, api.post("/api/v1/devices/" + id + "/repaired", staff, Map.of("note", "unlocked the file")));
        assertThat(repaired.string("state")).isIn("WIPE_PENDING", "WIPING", "READY");
        awaitState(id, "READY");
        assertThat(agent.commandsOf(CommandType.WIPE)).hasSize(2);
        assertThat(reports(id)).hasSize(2);
        assertThat(reports(id).get(0).get("verified")).isEqualTo(true);
    }

    @Test
    void many_devices_are_wiped_in_one_request_each_as_by_its_own_wipe_now() {
        List<FakeAgent> ready = List.of(readyLaptop(), readyLaptop(), readyLaptop());
        FakeAgent offline = readyLaptop();
        offline.goOffline();
        awaitOnline(offline.id.value(), false);
        FakeAgent silent = readyLaptop();
        silent.mode = FakeAgent.Mode.SILENT;
        expect(200, api.post("/api/v1/devices/" + silent.id.value() + "/wipe", staff, null));
        awaitState(silent.id.value(), "WIPING");
        // WIPING is written when the command is sent; the broker may hand it to the agent a moment later.
        Command silentsFirst = Eventually.until("the silent laptop's wipe now", () -> silent.commandsOf(CommandType.WIPE),
                l -> l.size() == 2).get(1);
        String webcam = newTag();
        expect(201, register(webcam, "WEBCAM"));
        expect(200, returnDevice(webcam)); // checked by staff: READY
        assertThat(device(webcam).string("state")).isEqualTo("READY");
        Map<String, String> jobBefore = new HashMap<>();
        ready.forEach(a -> jobBefore.put(a.id.value(), lastWipe(a).param("jobId")));

        // By id or by tag, one named twice: each device once.
        List<String> named = new ArrayList<>();
        named.add(ready.get(0).id.value());
        named.add(tagOf(ready.get(1).id.value()));
        named.add(ready.get(2).id.value());
        named.add(tagOf(ready.get(0).id.value()));
        named.add(offline.id.value());
        named.add(silent.id.value());
        named.add(webcam);
        Api.Answer answer = expect(200, api.post("/api/v1/devices/wipe", staff, Map.of("devices", named)));
        assertThat(answer.list()).extracting(v -> v.get("tag")).containsExactly(tagOf(ready.get(0).id.value()),
                tagOf(ready.get(1).id.value()), tagOf(ready.get(2).id.value()), tagOf(offline.id.value()),
                tagOf(silent.id.value()), webcam);

        // The online laptops get a new job's first try, and are READY only after its verified result.
        for (FakeAgent agent : ready) {
            String id = agent.id.value();
            Api.Answer done = awaitState(id, "READY");
            Command wipe = lastWipe(agent);
            assertThat(wipe.param("jobId")).isNotEqualTo(jobBefore.get(id));
            assertThat(wipe.id()).isEqualTo(wipe.param("jobId") + "-1");
            assertThat(agent.commandsOf(CommandType.WIPE)).hasSize(2);
            assertThat(reports(id)).hasSize(2);
            assertThat(reports(id)).extracting(r -> r.get("jobId")).containsExactlyInAnyOrder(jobBefore.get(id), wipe.param("jobId"));
            assertThat(done.get("wipe")).isNull();
        }
        // The offline one waits for its agent with a queued job, the silent one gets its open job's second try.
        Api.Answer waiting = device(offline.id.value());
        assertThat(waiting.string("state")).isEqualTo("WIPE_PENDING");
        assertThat(wipe(waiting).get("state")).isEqualTo("QUEUED");
        assertThat(wipe(waiting).get("attempts")).isEqualTo(0);
        Command silentsSecond = Eventually.until("the silent laptop's second try", () -> silent.commandsOf(CommandType.WIPE),
                l -> l.size() == 3).get(2);
        assertThat(silentsSecond.param("jobId")).isEqualTo(silentsFirst.param("jobId"));
        assertThat(silentsSecond.id()).isEqualTo(silentsFirst.param("jobId") + "-2");
        assertThat(device(silent.id.value()).string("state")).isEqualTo("WIPING");
        // A webcam has no agent: it waits for staff to check it.
        Api.Answer cam = device(webcam);
        assertThat(cam.string("state")).isEqualTo("WIPE_PENDING");
        assertThat(wipe(cam).get("method")).isEqualTo("STAFF_CHECK");

        // When the offline laptop comes back, its wipe goes out, as after a wipe now of its own.
        online(offline, 2);
        awaitState(offline.id.value(), "READY");
        assertThat(reports(offline.id.value())).hasSize(2);

        // Each device has its own entry in the audit log, as for one wipe now.
        List<Map<String, Object>> audited = expect(200, api.get("/api/v1/audit?action=WIPE_NOW&size=200&from="
                + clock.instant().minus(Duration.ofDays(1)), admin)).list("entries");
        for (String tag : List.of(tagOf(ready.get(0).id.value()), tagOf(ready.get(1).id.value()), tagOf(ready.get(2).id.value()),
                tagOf(offline.id.value()), webcam)) {
            assertThat(audited).filteredOn(e -> tag.equals(e.get("targetId"))).as(tag).hasSize(1)
                    .allSatisfy(e -> assertThat(e.get("targetKind")).isEqualTo("DEVICE"));
        }
        assertThat(audited).filteredOn(e -> tagOf(silent.id.value()).equals(e.get("targetId"))).hasSize(2);
    }

    @Test
    void the_fleet_list_shows_each_device_as_the_device_alone_shows_it_with_its_loan_open_wipe_and_last_report() {
        FakeAgent lent = readyLaptop();
        expect(200, handOut(tagOf(lent.id.value()), book("10:00", 60)));
        FakeAgent wipedTwice = readyLaptop();
        clock.set(at("10:01")); // its second report finishes later than its first
        expect(200, api.post("/api/v1/devices/" + wipedTwice.id.value() + "/wipe", staff, null));
        Eventually.until("the second report", () -> reports(wipedTwice.id.value()), r -> r.size() == 2);
        awaitState(wipedTwice.id.value(), "READY");
        FakeAgent pending = readyLaptop();
        pending.goOffline();
        awaitOnline(pending.id.value(), false);
        FakeAgent unanswered = laptop(FakeAgent.Mode.SILENT);
        online(unanswered, 1);
        Eventually.until("its first wipe sent", () -> device(unanswered.id.value()), d -> wipe(d) != null && "SENT".equals(wipe(d).get("state")));
        String webcam = newTag();
        expect(201, register(webcam, "WEBCAM"));
        expect(200, returnDevice(webcam));
        Api.Answer many = expect(200, api.post("/api/v1/devices/wipe", staff, Map.of("devices", List.of(pending.id.value(), webcam))));
        assertThat(many.list()).extracting(d -> (Object) ((Map<?, ?>) d.get("wipe")).get("state")).containsExactly("QUEUED", "QUEUED");
        assertThat(many.list()).extracting(d -> d.get("lastWipe")).allSatisfy(last -> assertThat(last).isNotNull());
        String provisioned = (String) ((Map<?, ?>) expect(201, register(newTag(), "LAPTOP")).get("device")).get("id");

        Map<String, Map<String, Object>> listed = new HashMap<>();
        expect(200, api.get("/api/v1/devices?siteId=" + siteId, staff)).list().forEach(d -> listed.put((String) d.get("id"), d));
        List<String> ids = List.of(lent.id.value(), wipedTwice.id.value(), pending.id.value(), unanswered.id.value(), provisioned);
        for (String id : ids) {
            assertThat(listed.get(id)).as(id).isEqualTo(device(id).map());
        }
        String webcamId = many.list().get(1).get("id").toString();
        assertThat(listed.get(webcamId)).isEqualTo(device(webcamId).map());
        assertThat(listed.get(lent.id.value()).get("loan")).isNotNull();
        assertThat(listed.get(unanswered.id.value()).get("wipe")).isNotNull();
        assertThat(((Map<?, ?>) listed.get(wipedTwice.id.value()).get("lastWipe")).get("finishedAt"))
                .isEqualTo(reports(wipedTwice.id.value()).get(0).get("finishedAt"));
        assertThat(listed.get(provisioned).get("lastWipe")).isNull();
    }

    @Test
    void a_wipe_of_many_that_a_laptop_never_answers_is_sent_again_after_its_lease_and_fails_after_the_limit() {
        FakeAgent silent = readyLaptop();
        FakeAgent answering = readyLaptop();
        silent.mode = FakeAgent.Mode.SILENT;
        String id = silent.id.value();
        expect(200, api.post("/api/v1/devices/wipe", staff, Map.of("devices", List.of(id, answering.id.value()))));
        awaitState(answering.id.value(), "READY");
        Command first = Eventually.until("the wipe of many at the silent laptop", () -> silent.commandsOf(CommandType.WIPE),
                l -> l.size() == 2).get(1);

        // Its job was written holding its first try: the same lease as a try claimed by one wipe now.
        Map<String, Object> job = wipe(awaitState(id, "WIPING"));
        assertThat(job.get("state")).isEqualTo("SENT");
        assertThat(job.get("attempts")).isEqualTo(1);
        assertThat(first.id()).isEqualTo(job.get("jobId") + "-1");
        assertThat(Duration.between(clock.instant(), Instant.parse((String) job.get("nextAttemptAt"))))
                .isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            runDueUntil(id, Instant.parse((String) wipe(device(id)).get("nextAttemptAt")), attempt);
            if (attempt < MAX_ATTEMPTS) {
                int sent = attempt + 2;
                Eventually.until("try " + (attempt + 1), () -> silent.commandsOf(CommandType.WIPE), l -> l.size() == sent);
            }
        }
        Api.Answer failed = device(id);
        assertThat(failed.string("state")).isEqualTo("WIPE_FAILED");
        assertThat(failed.string("stateReason")).contains("timed out").contains(MAX_ATTEMPTS + " tries");
        List<Command> tries = silent.commandsOf(CommandType.WIPE).subList(1, 1 + MAX_ATTEMPTS);
        assertThat(tries).extracting(Command::id).containsExactly(
                IntStream.rangeClosed(1, MAX_ATTEMPTS).mapToObj(n -> job.get("jobId") + "-" + n).toArray(String[]::new));
        assertThat(handOut(tagOf(id), book("12:00", 30)).problem()).isEqualTo("urn:suoja:problem:device-not-ready");
    }

    @Test
    void a_wipe_of_many_that_names_one_device_it_may_not_wipe_or_does_not_know_wipes_none() {
        FakeAgent first = readyLaptop();
        FakeAgent second = readyLaptop();
        FakeAgent lent = readyLaptop();
        expect(200, handOut(tagOf(lent.id.value()), book("10:00", 60)));
        List<String> ids = List.of(first.id.value(), second.id.value());
        Map<String, Integer> wipesBefore = new HashMap<>();
        List.of(first, second, lent).forEach(a -> wipesBefore.put(a.id.value(), a.commandsOf(CommandType.WIPE).size()));

        Api.Answer onLoan = api.post("/api/v1/devices/wipe", staff,
                Map.of("devices", List.of(ids.get(0), ids.get(1), lent.id.value())));
        assertThat(onLoan.status()).isEqualTo(409);
        assertThat(onLoan.problem()).isEqualTo("urn:suoja:problem:wrong-device-state");
        assertThat(onLoan.string("detail")).contains(tagOf(lent.id.value())).contains("ON_LOAN").contains("Nothing was wiped");

        Api.Answer unknown = api.post("/api/v1/devices/wipe", staff, Map.of("devices", List.of(ids.get(0), "NO-SUCH-TAG")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problem()).isEqualTo("urn:suoja:problem:unknown-device");
        assertThat(unknown.string("detail")).contains("NO-SUCH-TAG");

        // Malformed: none, too many, a name that no device could have, not a list, no body.
        assertThat(api.post("/api/v1/devices/wipe", staff, Map.of("devices", List.of())).status()).isEqualTo(400);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= WipeMany.MAX_DEVICES; i++) {
            tooMany.add(ids.get(i % 2));
        }
        assertThat(api.post("/api/v1/devices/wipe", staff, Map.of("devices", tooMany)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/devices/wipe", staff, Map.of("devices", List.of(ids.get(0), "../x"))).status()).isEqualTo(400);
        assertThat(api.raw("POST", "/api/v1/devices/wipe", staff, "application/json", "{\"devices\":\"" + ids.get(0) + "\"}").status())
                .isEqualTo(400);
        assertThat(api.raw("POST", "/api/v1/devices/wipe", staff, "application/json", "{\"devices\":[null]}").status()).isEqualTo(400);
        assertThat(api.raw("POST", "/api/v1/devices/wipe", staff, "application/json", "{").status()).isEqualTo(400);
        // Only staff may.
        assertThat(api.post("/api/v1/devices/wipe", kiosk, Map.of("devices", ids)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/devices/wipe", null, Map.of("devices", ids)).status()).isEqualTo(401);

        // Nothing changed: still READY with no open job, no command sent, nothing in the audit log.
        for (String id : ids) {
            Api.Answer d = device(id);
            assertThat(d.string("state")).isEqualTo("READY");
            assertThat(d.get("wipe")).isNull();
        }
        assertThat(device(lent.id.value()).string("state")).isEqualTo("ON_LOAN");
        drain(first, 41);
        List.of(first, second, lent).forEach(a -> assertThat(a.commandsOf(CommandType.WIPE)).hasSize(wipesBefore.get(a.id.value())));
        List<Map<String, Object>> audited = expect(200, api.get("/api/v1/audit?action=WIPE_NOW&size=200&from="
                + clock.instant().minus(Duration.ofDays(1)), admin)).list("entries");
        assertThat(audited).extracting(e -> e.get("targetId")).doesNotContain(tagOf(ids.get(0)), tagOf(ids.get(1)), tagOf(lent.id.value()));
    }

    @Test
    void stale_duplicate_forged_malformed_and_oversized_messages_change_nothing() {
        FakeAgent agent = readyLaptop();
        FakeAgent other = readyLaptop();
        String id = agent.id.value();
        Command oldWipe = lastWipe(agent);

        // A new wipe is under way; the agent has not answered it yet.
        agent.mode = FakeAgent.Mode.SILENT;
        expect(200, api.post("/api/v1/devices/" + id + "/wipe", staff, null));
        awaitState(id, "WIPING");
        Eventually.until("a WIPE of a new job", () -> lastWipe(agent).param("jobId"), job -> !job.equals(oldWipe.param("jobId")));

        // A result for the old job (stale), repeated: the device stays WIPING.
        agent.answerWipe(oldWipe, true);
        agent.answerWipe(oldWipe, true);
        // A verified result for this device's current job, but published on another device's topic
        // and naming that device (forged) or naming this one (misaddressed).
        String currentJob = lastWipe(agent).param("jobId");
        WipeReport forgedReport = new WipeReport(currentJob, true, 0, 0, 0, List.of(), 1, clock.instant());
        byte[] forged = Wire.encode(other.signer.sign(new fi.suoja.hardware.mqtt.Event(other.id.value(), EventType.RESULT,
                other.epoch, 1, currentJob + "-1", AgentState.IDLE, "forged", false, forgedReport, clock.instant(), null)));
        agent.publish(agent.topics.events(agent.id), forged, false);
        byte[] misaddressed = Wire.encode(agent.signer.sign(new fi.suoja.hardware.mqtt.Event(id, EventType.RESULT,
                agent.epoch, 1, currentJob + "-1", AgentState.IDLE, "misaddressed", false, forgedReport, clock.instant(), null)));
        other.publish(other.topics.events(other.id), misaddressed, false);
        // Not JSON, JSON of the wrong shape, over the size limit, and for a device nobody knows.
        agent.publish(agent.topics.events(agent.id), "{not json".getBytes(), false);
        agent.publish(agent.topics.events(agent.id), "{\"deviceId\":\"x\"}".getBytes(), false);
        agent.publish(agent.topics.events(agent.id), ("{\"pad\":\"" + "x".repeat(Wire.MAX_MESSAGE_BYTES) + "\"}").getBytes(), false);
        agent.publish(agent.topics.status(agent.id), "[]".getBytes(), false);
        agent.publish(agent.topics.events(new DeviceId("lap-nobody")), misaddressed, false);
        drain(agent, 37);

        Api.Answer after = device(id);
        assertThat(after.string("state")).isEqualTo("WIPING");
        assertThat(wipe(after).get("jobId")).isEqualTo(currentJob);
        assertThat(reports(id)).hasSize(1);
        assertThat(device(other.id.value()).string("state")).isEqualTo("READY");
        assertThat(reports(other.id.value())).hasSize(1);

        // The real answer for the current job counts once; its repetition changes nothing more.
        agent.answerWipe(lastWipe(agent), true);
        awaitState(id, "READY");
        agent.answerWipe(lastWipe(agent), true);
        drain(agent, 38);
        assertThat(device(id).string("state")).isEqualTo("READY");
        assertThat(reports(id)).hasSize(2);
    }

    @Test
    void a_laptop_offline_when_its_loan_ends_waits_in_wipe_pending_and_is_wiped_when_it_comes_back() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        String tag = tagOf(id);
        expect(200, handOut(tag, book("10:00", 60)));
        agent.goOffline();
        awaitOnline(id, false);

        Api.Answer returned = expect(200, returnDevice(tag));
        assertThat(returned.string("state")).isEqualTo("WIPE_PENDING");
        clock.advance(Duration.ofHours(2));
        wipeJobs.runDue();
        assertThat(device(id).string("state")).isEqualTo("WIPE_PENDING");
        assertThat(wipe(device(id)).get("attempts")).isEqualTo(0);

        int wipesBefore = agent.commandsOf(CommandType.WIPE).size();
        agent.connect(2);
        agent.hello();
        awaitState(id, "READY");
        assertThat(agent.commandsOf(CommandType.WIPE)).hasSize(wipesBefore + 1);
        assertThat(reports(id)).hasSize(2);
    }

    @Test
    void a_queued_wipe_reaches_an_online_laptop_through_the_scheduler_even_when_its_hello_is_lost() {
        FakeAgent agent = laptop(FakeAgent.Mode.VERIFIED);
        String id = agent.id.value();
        agent.connect(1);
        awaitOnline(id, true);
        assertThat(device(id).string("state")).isEqualTo("PROVISIONED");
        assertThat(agent.commandsOf(CommandType.WIPE)).isEmpty();
        wipeJobs.runDue();
        awaitState(id, "READY");
        assertThat(agent.commandsOf(CommandType.WIPE)).hasSize(1);
    }

    @Test
    void without_an_answer_the_wipe_is_sent_again_after_doubling_waits_and_fails_after_the_limit() {
        FakeAgent agent = online(laptop(FakeAgent.Mode.SILENT), 1);
        String id = agent.id.value();
        Eventually.until("the first WIPE", () -> agent.commandsOf(CommandType.WIPE), l -> l.size() == 1);
        assertThat(device(id).string("state")).isEqualTo("PROVISIONED");

        long[] expectedMinutes = {1, 2, 4, 4};
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Map<String, Object> job = wipe(device(id));
            assertThat(job.get("attempts")).isEqualTo(attempt);
            Instant next = Instant.parse((String) job.get("nextAttemptAt"));
            Duration wait = Duration.between(clock.instant(), next);
            Duration base = Duration.ofMinutes(expectedMinutes[attempt - 1]);
            assertThat(wait).as("wait after try %d", attempt)
                    .isBetween(base.multipliedBy(8).dividedBy(10), Duration.ofMinutes(Math.min(4, (long) Math.ceil(base.toMinutes() * 1.2))));
            runDueUntil(id, next, attempt);
            if (attempt < MAX_ATTEMPTS) {
                int sent = attempt + 1;
                Eventually.until("try " + sent, () -> agent.commandsOf(CommandType.WIPE), l -> l.size() == sent);
            }
        }
        Api.Answer failed = device(id);
        assertThat(failed.string("state")).isEqualTo("WIPE_FAILED");
        assertThat(failed.string("stateReason")).contains("timed out").contains(MAX_ATTEMPTS + " tries");
        assertThat(failed.get("wipe")).isNull();
        assertThat(agent.commandsOf(CommandType.WIPE)).hasSize(MAX_ATTEMPTS);
        // Each try had its own command id and the same job id.
        assertThat(agent.commandsOf(CommandType.WIPE).stream().map(Command::id).distinct()).hasSize(MAX_ATTEMPTS);
        assertThat(agent.commandsOf(CommandType.WIPE).stream().map(c -> c.param("jobId")).distinct()).hasSize(1);
    }

    @Test
    void a_stale_last_will_of_an_earlier_connection_does_not_mark_the_device_offline() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        agent.crash();
        awaitOnline(id, false);
        FakeAgent again = new FakeAgent(agentConfigOf(agent), TestBroker.url(), clock);
        again.epoch = agent.epoch;
        agents.add(again);
        again.connect(2);
        awaitOnline(id, true);

        // The will of session 1 arrives late (e.g. the broker noticed the old connection only now).
        DeviceStatus staleWill = again.signer.sign(new DeviceStatus(id, false, again.epoch, 1, AgentState.IDLE, 80, 1L,
                "fake-1.0", "Linux", clock.instant(), null));
        again.publish(again.topics.status(again.id), Wire.encode(staleWill), true);
        drain(again, 55);
        Api.Answer after = device(id);
        assertThat(after.get("online")).isEqualTo(true);
        assertThat(after.number("session")).isEqualTo(2);
        // A stale will is normal: it is not a refusal staff must look at.
        assertThat(hearing(after).get("unheard")).isEqualTo(false);
        assertThat(hearing(after).get("refusedMessages")).isEqualTo(0);

        // The will of the current session does count.
        again.publish(again.topics.status(again.id), Wire.encode(again.status(false)), true);
        awaitOnline(id, false);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> hearing(Api.Answer device) {
        return (Map<String, Object>) device.get("hearing");
    }

    double refused(String reason) {
        return meters.get("suoja.device.messages.refused").tag("reason", reason).counter().count();
    }

    /**
     * The attack of issue 13: a program with no account at all on a broker without ACLs (the test
     * broker takes anyone) reads the signed WIPE and answers it. Unsigned, signed with another
     * key, for a command never sent, or before any acknowledgement: nothing counts, each refusal
     * is logged, counted and shown on the device, and only the agent's own answer makes it READY.
     */
    @Test
    void a_program_on_a_broker_without_acls_cannot_make_a_laptop_ready_with_a_forged_wipe_result() throws Exception {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        agent.mode = FakeAgent.Mode.SILENT;
        try (Intruder intruder = new Intruder(TestBroker.url(), agent.topics.commands(agent.id))) {
            expect(200, api.post("/api/v1/devices/" + id + "/wipe", staff, null));
            awaitState(id, "WIPING");
            Command wipe = Wire.decode(intruder.awaitCommand(), Command.class);
            assertThat(wipe.type()).isEqualTo(CommandType.WIPE);
            String job = wipe.param("jobId");
            WipeReport verified = new WipeReport(job, true, 0, 0, 0, List.of(), 10, clock.instant());
            double unsignedBefore = refused("unsigned");
            double forgedBefore = refused("bad-signature");
            double notSentBefore = refused("not-sent");
            double notAckedBefore = refused("not-acknowledged");

            // Unsigned, as any MQTT client can write it: HELLO, ACK, RESULT "verified".
            for (EventType type : List.of(EventType.HELLO, EventType.ACK, EventType.RESULT)) {
                intruder.publish(agent.topics.events(agent.id), Wire.encode(new fi.suoja.hardware.mqtt.Event(id, type,
                        agent.epoch, agent.session, type == EventType.HELLO ? null : wipe.id(), AgentState.IDLE, "verified",
                        false, type == EventType.RESULT ? verified : null, clock.instant(), null)));
            }
            // Signed, but with a key that is not this device's.
            fi.suoja.hardware.mqtt.CommandSigner guessed = new fi.suoja.hardware.mqtt.CommandSigner(new byte[32]);
            intruder.publish(agent.topics.events(agent.id), Wire.encode(guessed.sign(new fi.suoja.hardware.mqtt.Event(id,
                    EventType.RESULT, agent.epoch, agent.session, wipe.id(), AgentState.IDLE, "verified", false, verified,
                    clock.instant(), null))));
            drain(agent, 41);
            // The forgeries came on the events' shared subscription and the marker on the statuses':
            // the broker keeps no order between two subscriptions, so wait for the four to be counted.
            Api.Answer after = Eventually.until("the four refusals counted", () -> device(id),
                    d -> Integer.valueOf(4).equals(hearing(d).get("refusedMessages")));
            assertThat(after.string("state")).isEqualTo("WIPING");
            assertThat(wipe(after).get("jobId")).isEqualTo(job);
            assertThat(wipe(after).get("state")).isEqualTo("SENT");
            assertThat(reports(id)).hasSize(1);
            assertThat(refused("unsigned")).isEqualTo(unsignedBefore + 3);
            assertThat(refused("bad-signature")).isEqualTo(forgedBefore + 1);
            assertThat(hearing(after).get("refusedMessages")).isEqualTo(4);
            assertThat((String) hearing(after).get("lastRefusal")).contains("signature");
            assertThat(hearing(after).get("lastRefusalKind")).isEqualTo("BAD_SIGNATURE");

            // The device's own key, lying: a result for a command the server never sent, then one
            // for the real command that the agent never acknowledged. Neither counts.
            agent.event(EventType.RESULT, job + "-99", "verified", false, verified);
            agent.event(EventType.RESULT, wipe.id(), "verified", false, verified);
            // a result before its acknowledgement is refused only after a short grace for the ACK
            Eventually.until("both lies refused", () -> refused("not-sent") + refused("not-acknowledged"),
                    n -> n == notSentBefore + notAckedBefore + 2);
            drain(agent, 42);
            after = device(id);
            assertThat(after.string("state")).isEqualTo("WIPING");
            assertThat(reports(id)).hasSize(1);
            assertThat(refused("not-sent")).isEqualTo(notSentBefore + 1);
            assertThat(refused("not-acknowledged")).isEqualTo(notAckedBefore + 1);
            assertThat((String) hearing(after).get("lastRefusal")).contains("not acknowledged");
            assertThat(handOut(tagOf(id), book("10:00", 30)).problem()).isEqualTo("urn:suoja:problem:device-not-ready");

            // The agent's own acknowledged answer does.
            agent.answerWipe(wipe, true);
            awaitState(id, "READY");
            assertThat(reports(id)).hasSize(2);
        }
    }

    @Test
    void a_status_with_a_counter_out_of_bounds_or_without_the_device_key_is_refused_and_the_laptop_is_still_heard() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        // The status that once silenced a laptop for good: a counter past every bound.
        agent.publish(agent.topics.status(agent.id), ("{\"deviceId\":\"" + id + "\",\"online\":false,\"epoch\":\""
                + agent.epoch + "\",\"session\":9007199254740993,\"state\":\"IDLE\",\"at\":\"" + clock.instant() + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        Api.Answer refused = Eventually.until("the refusal", () -> device(id), d -> (Boolean) hearing(d).get("unheard"));
        assertThat((String) hearing(refused).get("lastRefusal")).contains("9007199254740993").contains("out of range");
        assertThat(refused.get("online")).isEqualTo(true);
        assertThat(refused.number("session")).isEqualTo(1);
        // In bounds, but not signed with the device key: refused too, the counter unchanged.
        agent.publish(agent.topics.status(agent.id), Wire.encode(new DeviceStatus(id, false, agent.epoch, 2_000_000_000L,
                AgentState.IDLE, 80, 1L, "fake-1.0", "Linux", clock.instant(), null)), true);
        Eventually.until("the second refusal", () -> device(id), d -> ((Number) hearing(d).get("refusedMessages")).intValue() == 2);

        // The agent's own next status, a second later, is heard: online, its own counter.
        clock.advance(Duration.ofSeconds(1));
        drain(agent, 61);
        Api.Answer heard = device(id);
        assertThat(heard.get("online")).isEqualTo(true);
        assertThat(heard.number("session")).isEqualTo(1);
        assertThat(hearing(heard).get("unheard")).isEqualTo(false);
        assertThat(hearing(heard).get("epoch")).isEqualTo(agent.epoch);
    }

    @Test
    void a_reimaged_laptop_with_a_new_epoch_is_heard_again_and_gets_its_pending_wipe() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        String tag = tagOf(id);
        expect(200, handOut(tag, book("10:00", 60)));
        agent.goOffline();
        agent.connect(7);
        agent.goOffline();
        Eventually.until("session 7, offline", () -> device(id), d -> d.number("session") == 7 && !(Boolean) d.get("online"));
        expect(200, returnDevice(tag));
        assertThat(device(id).string("state")).isEqualTo("WIPE_PENDING");

        // The laptop is reimaged: its agent has lost its state and counts from 1 in a new epoch.
        FakeAgent reimaged = new FakeAgent(agentConfigOf(agent), TestBroker.url(), clock);
        agents.add(reimaged);
        assertThat(reimaged.epoch).isNotEqualTo(agent.epoch);
        reimaged.connect(1);
        awaitOnline(id, true);
        reimaged.hello();
        Api.Answer ready = awaitState(id, "READY");
        assertThat(ready.number("session")).isEqualTo(1);
        assertThat(hearing(ready).get("epoch")).isEqualTo(reimaged.epoch);
        assertThat(reimaged.commandsOf(CommandType.WIPE)).hasSize(1);

        // The old epoch cannot come back: its last will, replayed, changes nothing.
        reimaged.publish(reimaged.topics.status(reimaged.id), Wire.encode(agent.signer.sign(new DeviceStatus(id, false,
                agent.epoch, 7, AgentState.IDLE, 80, 1L, "fake-1.0", "Linux", clock.instant().minusSeconds(60), null))), true);
        drain(reimaged, 62);
        assertThat(device(id).get("online")).isEqualTo(true);
        assertThat(hearing(device(id)).get("epoch")).isEqualTo(reimaged.epoch);
    }

    @Test
    void a_laptop_the_server_cannot_hear_is_shown_with_the_reason_and_staff_can_have_it_heard_again() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        agent.connect(50);
        drain(agent, 70);

        // Its state folder restored from an old copy: the same epoch with a smaller counter, online.
        FakeAgent restored = new FakeAgent(agentConfigOf(agent), TestBroker.url(), clock);
        restored.epoch = agent.epoch;
        agents.add(restored);
        agent.crash();
        restored.connect(3);
        Api.Answer unheard = Eventually.until("the device to be unheard", () -> device(id),
                d -> (Boolean) hearing(d).get("unheard"));
        assertThat((String) hearing(unheard).get("lastRefusal")).contains("earlier session").contains("3");
        assertThat(hearing(unheard).get("lastRefusalKind")).isEqualTo("STALE_SESSION");
        assertThat(hearing(unheard).get("lastRefusedAt")).isNotNull();

        // A new epoch dated hours from the server's clock is refused too, saying so.
        FakeAgent wrongClock = new FakeAgent(agentConfigOf(agent), TestBroker.url(),
                Clock.offset(clock, Duration.ofHours(3)));
        agents.add(wrongClock);
        restored.crash();
        wrongClock.connect(1);
        Eventually.until("the clock refusal", () -> device(id),
                d -> String.valueOf(hearing(d).get("lastRefusal")).contains("clock"));
        wrongClock.crash();

        // Staff reset its session tracking: the next signed status of the restored agent is heard.
        restored.connect(4);
        Eventually.until("the restored agent's refusal", () -> device(id),
                d -> String.valueOf(hearing(d).get("lastRefusal")).contains("earlier session (4"));
        Api.Answer again = expect(200, api.post("/api/v1/devices/" + id + "/hear-again", staff, null));
        assertThat(hearing(again).get("refusedMessages")).isEqualTo(0);
        assertThat(hearing(again).get("epoch")).isNull();
        drain(restored, 71);
        Api.Answer heard = device(id);
        assertThat(heard.get("online")).isEqualTo(true);
        assertThat(heard.number("session")).isEqualTo(4);
        assertThat(hearing(heard).get("unheard")).isEqualTo(false);
        assertThat(hearing(heard).get("epoch")).isEqualTo(agent.epoch);
        assertThat(api.post("/api/v1/devices/" + id + "/hear-again", kiosk, null).status()).isIn(401, 403);
    }

    String agentConfigOf(FakeAgent agent) {
        StringBuilder text = new StringBuilder();
        agent.config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    @Test
    void ending_a_booking_early_ends_its_loans_and_starts_the_wipe() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        String code = book("10:00", 60);
        expect(200, handOut(tagOf(id), code));
        agent.mode = FakeAgent.Mode.SILENT;
        expect(200, api.post("/api/v1/bookings/" + code + "/check-in", kiosk, null));
        clock.set(at("10:20"));
        expect(200, api.post("/api/v1/bookings/" + code + "/end", kiosk, null));
        Api.Answer after = awaitState(id, "WIPING");
        assertThat(after.get("loan")).isNull();
        Eventually.until("the WIPE after the loan", () -> agent.commandsOf(CommandType.WIPE), l -> l.size() == 2);
    }

    @Test
    void a_booking_completed_by_the_job_ends_its_loans_and_starts_the_wipe() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        String code = book("10:00", 30);
        expect(200, api.post("/api/v1/bookings/" + code + "/check-in", kiosk, null));
        expect(200, handOut(tagOf(id), code));
        clock.set(at("10:31"));
        // other tests' bookings of 10:00 end too (a booking made now at a kiosk is checked in at once)
        assertThat(bookingJobs.completeEnded()).isPositive();
        assertThat(expect(200, api.get("/api/v1/bookings/" + code, kiosk)).string("status")).isEqualTo("COMPLETED");
        awaitState(id, "READY");
        assertThat(reports(id)).hasSize(2);
    }

    @Test
    void extending_a_booking_extends_its_loans_and_tells_the_laptop_the_new_end() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        String code = book("10:00", 30);
        expect(200, handOut(tagOf(id), code));
        expect(200, api.post("/api/v1/bookings/" + code + "/extend", kiosk, Map.of("minutes", 30)));
        assertThat(((Map<?, ?>) device(id).get("loan")).get("dueAt")).isEqualTo(at("11:00").toString());
        List<Command> sessions = Eventually.until("two START_SESSIONs", () -> agent.commandsOf(CommandType.START_SESSION), l -> l.size() == 2);
        assertThat(sessions.get(1).param("until")).isEqualTo(at("11:00").toString());
        assertThat(sessions.get(1).id()).isNotEqualTo(sessions.get(0).id());
    }

    @Test
    void a_laptop_is_told_once_to_warn_its_user_before_the_loan_ends() {
        FakeAgent agent = readyLaptop();
        String code = book("10:00", 60);
        expect(200, handOut(tagOf(agent.id.value()), code));
        clock.set(at("10:49"));
        loans.warnEndingLoans();
        clock.set(at("10:50"));
        loans.warnEndingLoans();
        loans.warnEndingLoans();
        Command warn = Eventually.until("WARN", () -> agent.commandsOf(CommandType.WARN), l -> !l.isEmpty()).get(0);
        assertThat(warn.param("minutesLeft")).isEqualTo("10");
        // Extended: a new end, and a new warning before it.
        expect(200, api.post("/api/v1/bookings/" + code + "/extend", kiosk, Map.of("minutes", 15)));
        clock.set(at("11:05"));
        loans.warnEndingLoans();
        Eventually.until("the second WARN", () -> agent.commandsOf(CommandType.WARN), l -> l.size() == 2);
        drain(agent, 61);
        assertThat(agent.commandsOf(CommandType.WARN)).hasSize(2);
    }

    @Test
    void two_staff_scanning_the_same_device_at_once_lend_it_once() throws Exception {
        FakeAgent agent = readyLaptop();
        String tag = tagOf(agent.id.value());
        String code = book("10:00", 60);
        List<CompletableFuture<Integer>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(CompletableFuture.supplyAsync(() -> handOut(tag, code).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> t : tries) {
            statuses.add(t.get(30, TimeUnit.SECONDS));
        }
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 409);
        assertThat(expect(200, api.get("/api/v1/devices?state=ON_LOAN&siteId=" + siteId, staff)).list())
                .singleElement().satisfies(d -> assertThat(d.get("tag")).isEqualTo(tag));
    }

    @Test
    void a_cancelled_booking_ends_its_loans_and_starts_the_wipe() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        String code = book("11:00", 30);
        expect(200, handOut(tagOf(id), code));
        expect(200, api.post("/api/v1/bookings/" + code + "/cancel", kiosk, Map.of()));
        awaitState(id, "READY");
        assertThat(reports(id)).hasSize(2);
    }

    @Test
    void the_sweep_catches_up_loans_whose_booking_ended_unheard_and_walk_ins_past_due() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        agent.mode = FakeAgent.Mode.SILENT;
        expect(200, api.post("/api/v1/devices/hand-out", staff, Map.of("tag", tagOf(id), "walkInUntil", at("10:45").toString())));
        assertThat(loans.sweepLoans()).isZero();
        clock.set(at("10:45"));
        assertThat(loans.sweepLoans()).isEqualTo(1);
        awaitState(id, "WIPING");
    }

    @Test
    void a_webcam_has_no_agent_and_is_ready_again_after_a_staff_check_on_return() {
        Api.Answer registered = expect(201, register(newTag(), "WEBCAM"));
        assertThat(registered.get("agentConfig")).isNull();
        assertThat(registered.get("mosquittoPasswordLine")).isNull();
        String id = ((Map<?, ?>) registered.get("device")).get("id").toString();
        String tag = tagOf(id);
        assertThat(device(id).string("state")).isEqualTo("PROVISIONED");

        expect(200, returnDevice(tag));
        assertThat(device(id).string("state")).isEqualTo("READY");
        String code = book("10:00", 60);
        expect(200, handOut(tag, code));
        // The booking ends while the webcam is still out: it waits for staff to check it.
        clock.set(at("10:10"));
        expect(200, api.post("/api/v1/bookings/" + code + "/end", kiosk, null));
        assertThat(device(id).string("state")).isEqualTo("WIPE_PENDING");
        assertThat(handOut(tag, book("11:00", 30)).problem()).isEqualTo("urn:suoja:problem:device-not-ready");
        expect(200, returnDevice(tag));
        assertThat(device(id).string("state")).isEqualTo("READY");
        assertThat(reports(id)).hasSize(2).allSatisfy(r -> assertThat(r.get("checkedBy")).asString().startsWith("staff-"));
    }

    @Test
    void the_live_event_stream_delivers_a_device_change() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/devices/events"))
                .header("Authorization", "Bearer " + staff).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        var lines = response.body().iterator();
        // The stream is open once its hello has come.
        while (lines.hasNext() && !lines.next().startsWith("event: hello")) {
            continue;
        }
        String tag = newTag();
        CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:") && line.contains(tag)) {
                    return line;
                }
            }
            return null;
        });
        expect(201, register(tag, "HEADSET"));
        String data = seen.get(10, TimeUnit.SECONDS);
        assertThat(data).contains("\"state\":\"PROVISIONED\"").contains("\"kind\":\"HEADSET\"");
        response.body().close();
    }

    @Test
    void returning_a_laptop_shows_each_state_between_the_return_and_ready_as_a_device_event() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        String tag = tagOf(id);
        expect(200, handOut(tag, book("10:00", 60)));
        // the laptop answers when the test says, so that every step is seen on its own
        agent.mode = FakeAgent.Mode.SILENT;
        try (EventStreamClient desk = EventStreamClient.open(server.getURI(), "/api/v1/devices/events", staff, json)) {
            expect(200, returnDevice(tag));
            // each in the order it happens; the desk shows each as it comes
            desk.next("waiting for its wipe", e -> isNow(e, id, "WIPE_PENDING", "QUEUED"));
            desk.next("the wipe sent", e -> isNow(e, id, "WIPING", "SENT"));
            Command wipe = Eventually.until("the WIPE after the loan", () -> agent.commandsOf(CommandType.WIPE), l -> l.size() == 2).get(1);
            agent.event(EventType.ACK, wipe.id(), null, false, null);
            desk.next("the wipe acknowledged: the laptop is wiping", e -> isNow(e, id, "WIPING", "ACKED"));
            agent.answerWipe(wipe, true);
            desk.next("ready", e -> isNow(e, id, "READY", null));
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean isNow(EventStreamClient.Received event, String id, String state, String wipeState) {
        if (!event.name().equals("device") || !(event.data() instanceof Map<?, ?> data) || !id.equals(data.get("id"))) {
            return false;
        }
        Map<String, Object> wipe = (Map<String, Object>) data.get("wipe");
        return state.equals(data.get("state")) && (wipeState == null ? wipe == null : wipe != null && wipeState.equals(wipe.get("state")));
    }

    @Test
    void a_devices_history_shows_its_loans_wipes_faults_and_repairs_newest_first_with_how_long_each_wipe_took() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        String tag = tagOf(id);
        String code = book("10:00", 60);

        clock.set(at("10:05"));
        expect(200, handOut(tag, code));
        clock.set(at("10:40"));
        agent.mode = FakeAgent.Mode.ACK_ONLY;
        expect(200, returnDevice(tag));
        Command afterLoan = Eventually.until("the WIPE after the loan", () -> agent.commandsOf(CommandType.WIPE), l -> l.size() == 2).get(1);
        Eventually.until("the ACK", () -> wipe(device(id)).get("state"), "ACKED"::equals);
        clock.set(at("10:43"));
        agent.answerWipe(afterLoan, true);
        awaitState(id, "READY");

        clock.set(at("11:00"));
        expect(200, api.post("/api/v1/devices/" + id + "/faulty", staff, Map.of("reason", "näyttö haljennut")));
        clock.set(at("11:30"));
        agent.mode = FakeAgent.Mode.VERIFIED;
        expect(200, api.post("/api/v1/devices/" + id + "/repaired", staff, Map.of("note", "new screen")));
        awaitState(id, "READY");

        Api.Answer history = expect(200, api.get("/api/v1/devices/" + tag + "/history", staff));
        assertThat(history.string("deviceId")).isEqualTo(id);
        assertThat(history.get("more")).isEqualTo(false);
        List<Map<String, Object>> entries = history.list("entries");
        assertThat(entries).extracting(e -> e.get("kind") + " " + e.get("at")).containsExactly(
                "WIPE " + at("11:30"), "REPAIRED " + at("11:30"), "FAULTY " + at("11:00"), "WIPE " + at("10:40"),
                "LOAN " + at("10:05"), "WIPE " + at("10:00"));

        Map<?, ?> repairWipe = (Map<?, ?>) entries.get(0).get("wipe");
        assertThat(repairWipe.get("state")).isEqualTo("SUCCEEDED");
        assertThat(((Map<?, ?>) entries.get(1).get("staff")).get("by")).isEqualTo(staffName);
        assertThat(((Map<?, ?>) entries.get(1).get("staff")).get("text")).isEqualTo("new screen");
        assertThat(((Map<?, ?>) entries.get(2).get("staff")).get("text")).isEqualTo("näyttö haljennut");

        Map<?, ?> loanWipe = (Map<?, ?>) entries.get(3).get("wipe");
        assertThat(loanWipe.get("method")).isEqualTo("AGENT");
        assertThat(loanWipe.get("state")).isEqualTo("SUCCEEDED");
        assertThat(loanWipe.get("startedAt")).isEqualTo(at("10:40").toString());
        assertThat(loanWipe.get("finishedAt")).isEqualTo(at("10:43").toString());
        assertThat(((Number) loanWipe.get("tookMillis")).longValue()).isEqualTo(Duration.ofMinutes(3).toMillis());
        assertThat(loanWipe.get("verified")).isEqualTo(true);
        assertThat(((Number) loanWipe.get("durationMillis")).longValue()).isEqualTo(1500);
        assertThat(loanWipe.get("failures")).isEqualTo(List.of());

        Map<?, ?> loan = (Map<?, ?>) entries.get(4).get("loan");
        assertThat(loan.get("bookingCode")).isEqualTo(code);
        assertThat(loan.get("walkIn")).isEqualTo(false);
        assertThat(loan.get("lentBy")).isEqualTo(staffName);
        assertThat(loan.get("dueAt")).isEqualTo(at("11:00").toString());
        assertThat(loan.get("endedAt")).isEqualTo(at("10:40").toString());
        assertThat(loan.get("endedWhy")).isEqualTo("RETURNED");
        assertThat(loan.get("returnedBy")).isEqualTo(staffName);

        // bounded: the newest entries only, and it says that older ones were left out
        Api.Answer newest = expect(200, api.get("/api/v1/devices/" + id + "/history?limit=2", staff));
        assertThat(newest.list("entries")).extracting(e -> e.get("kind")).containsExactly("WIPE", "REPAIRED");
        assertThat(newest.get("more")).isEqualTo(true);
    }

    @Test
    void provisioning_returns_once_an_agent_configuration_and_broker_entries_limited_to_the_device() throws Exception {
        String tag = newTag();
        Api.Answer registered = expect(201, register(tag, "LAPTOP"));
        Properties config = new Properties();
        config.load(new StringReader(registered.string("agentConfig")));
        assertThat(config.stringPropertyNames()).containsExactlyInAnyOrder(
                AgentConfigKeys.DEVICE_ID, AgentConfigKeys.BROKER_URL, AgentConfigKeys.BROKER_USERNAME,
                AgentConfigKeys.BROKER_PASSWORD, AgentConfigKeys.DEVICE_KEY, AgentConfigKeys.TOPIC_ROOT,
                AgentConfigKeys.WIPE_AREA_PREFIX + "suoja-guest", AgentConfigKeys.WIPE_AREA_PREFIX + "suoja-guest-files",
                AgentConfigKeys.STATE_DIR,
                AgentConfigKeys.HEARTBEAT_SECONDS, AgentConfigKeys.SESSION_KIND, AgentConfigKeys.SESSION_LINUX_USER);
        assertThat(config.stringPropertyNames()).containsExactlyInAnyOrder("device.id", "broker.url", "broker.username",
                "broker.password", "device.key", "topic.root", "wipe.area.suoja-guest", "wipe.area.suoja-guest-files", "state.dir", "heartbeat.seconds",
                "session.kind", "session.linux.user");
        String id = config.getProperty("device.id");
        assertThat(new DeviceId(id).value()).startsWith("lap-");
        assertThat(config.getProperty("broker.url")).isEqualTo(TestBroker.url());
        assertThat(config.getProperty("topic.root")).isEqualTo(topicRoot);
        assertThat(java.util.Base64.getDecoder().decode(config.getProperty("device.key"))).hasSize(32);
        assertThat(config.getProperty("heartbeat.seconds")).isEqualTo("60");

        String user = config.getProperty("broker.username");
        String line = registered.string("mosquittoPasswordLine");
        assertThat(line).matches(java.util.regex.Pattern.quote(user) + ":\\$7\\$\\d+\\$[A-Za-z0-9+/=]{16}\\$[A-Za-z0-9+/=]{88}");
        assertThat(MosquittoPassword.matches(config.getProperty("broker.password"), line.substring(user.length() + 1))).isTrue();
        assertThat(MosquittoPassword.matches("wrong", line.substring(user.length() + 1))).isFalse();

        assertThat(registered.get("mosquittoAcl")).isEqualTo(List.of(
                "user " + user,
                "topic write " + topicRoot + "/devices/" + id + "/status",
                "topic write " + topicRoot + "/devices/" + id + "/events",
                "topic read " + topicRoot + "/devices/" + id + "/commands"));
        assertThat(registered.get("serverAcl")).isEqualTo(List.of(
                "user suoja-server",
                "topic read " + topicRoot + "/devices/+/status",
                "topic read " + topicRoot + "/devices/+/events",
                "topic write " + topicRoot + "/devices/+/commands"));

        // The secrets are shown once: never by the API afterwards.
        String everything = api.get("/api/v1/devices/" + id, staff).text() + api.get("/api/v1/devices", staff).text()
                + api.get("/api/v1/devices/broker-files", admin).text();
        assertThat(everything).doesNotContain(config.getProperty("device.key")).doesNotContain(config.getProperty("broker.password"));
        assertThat(api.get("/api/v1/devices/broker-files", admin).string("aclFile")).contains("topic read " + topicRoot + "/devices/" + id + "/commands");
        assertThat(register(tag, "LAPTOP").problem()).isEqualTo("urn:suoja:problem:already-exists");
    }

    @Test
    void every_device_endpoint_needs_staff_and_the_admin_ones_an_admin() {
        FakeAgent agent = readyLaptop();
        String id = agent.id.value();
        Map<String, Object> body = Map.of("tag", tagOf(id), "reason", "x");
        record Call(String method, String path, boolean adminOnly) {
        }
        List<Call> calls = List.of(
                new Call("GET", "/api/v1/devices", false),
                new Call("GET", "/api/v1/devices/" + id, false),
                new Call("GET", "/api/v1/devices/" + id + "/wipe-reports", false),
                new Call("GET", "/api/v1/devices/" + id + "/history", false),
                new Call("GET", "/api/v1/devices/events", false),
                new Call("POST", "/api/v1/devices/hand-out", false),
                new Call("POST", "/api/v1/devices/return", false),
                new Call("POST", "/api/v1/devices/" + id + "/wipe", false),
                new Call("POST", "/api/v1/devices/" + id + "/faulty", false),
                new Call("POST", "/api/v1/devices/" + id + "/repaired", false),
                new Call("POST", "/api/v1/devices/" + id + "/hear-again", false),
                new Call("POST", "/api/v1/devices/" + id + "/retire", true),
                new Call("POST", "/api/v1/devices", true),
                new Call("GET", "/api/v1/devices/broker-files", true));
        for (Call call : calls) {
            Object payload = call.method().equals("POST") ? body : null;
            Api.Answer anonymous = api.send(call.method(), call.path(), null, payload);
            assertThat(anonymous.status()).as("anonymous " + call).isEqualTo(401);
            assertThat(anonymous.problem()).isEqualTo("urn:suoja:problem:not-logged-in");
            Api.Answer fromKiosk = api.send(call.method(), call.path(), kiosk, payload);
            assertThat(fromKiosk.status()).as("kiosk " + call).isEqualTo(403);
            assertThat(fromKiosk.problem()).isEqualTo("urn:suoja:problem:not-allowed");
            if (call.adminOnly()) {
                assertThat(api.send(call.method(), call.path(), staff, payload).status()).as("staff " + call).isEqualTo(403);
            }
        }
        assertThat(device(id).string("state")).isEqualTo("READY");
    }

    @Test
    void bad_input_gets_a_clear_problem_and_changes_nothing() {
        FakeAgent agent = readyLaptop();
        String tag = tagOf(agent.id.value());
        assertThat(api.raw("POST", "/api/v1/devices/hand-out", staff, "application/json", "{\"tag\":").problem())
                .isEqualTo("urn:suoja:problem:malformed-body");
        assertThat(api.post("/api/v1/devices/hand-out", staff, Map.of("tag", "bad tag!", "bookingCode", "X")).problem())
                .isEqualTo("urn:suoja:problem:invalid-request");
        assertThat(api.post("/api/v1/devices/hand-out", staff, Map.of("tag", tag)).problem())
                .isEqualTo("urn:suoja:problem:invalid-request");
        assertThat(api.post("/api/v1/devices/hand-out", staff, Map.of("tag", tag, "bookingCode", "AAA-BBB-CCC")).problem())
                .isEqualTo("urn:suoja:problem:booking-not-found");
        assertThat(api.post("/api/v1/devices/hand-out", staff, Map.of("tag", tag, "walkInUntil", at("09:00").toString())).problem())
                .isEqualTo("urn:suoja:problem:invalid-request");
        assertThat(api.post("/api/v1/devices/hand-out", staff, Map.of("tag", "NO-SUCH-TAG", "bookingCode", book("10:00", 30))).problem())
                .isEqualTo("urn:suoja:problem:unknown-device");
        assertThat(api.get("/api/v1/devices/lap-nosuchdevice", staff).problem()).isEqualTo("urn:suoja:problem:unknown-device");
        Api.Answer noHistory = api.get("/api/v1/devices/lap-nosuchdevice/history", staff);
        assertThat(noHistory.status()).isEqualTo(404);
        assertThat(noHistory.problem()).isEqualTo("urn:suoja:problem:unknown-device");
        assertThat(api.get("/api/v1/devices/" + agent.id.value() + "/history?limit=0", staff).problem())
                .isEqualTo("urn:suoja:problem:invalid-request");
        assertThat(api.get("/api/v1/devices/" + agent.id.value() + "/history?limit=100000", staff).problem())
                .isEqualTo("urn:suoja:problem:invalid-request");
        assertThat(api.post("/api/v1/devices", admin, Map.of("tag", "T-1", "kind", "TOASTER", "siteId", siteId)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/devices", admin, Map.of("tag", "T-1", "kind", "LAPTOP", "siteId", 999999)).problem())
                .isEqualTo("urn:suoja:problem:not-found");
        assertThat(returnDevice(tag).problem()).isEqualTo("urn:suoja:problem:wrong-device-state");
        assertThat(api.post("/api/v1/devices/" + agent.id.value() + "/repaired", staff, Map.of()).problem())
                .isEqualTo("urn:suoja:problem:wrong-device-state");
        assertThat(api.post("/api/v1/devices/" + agent.id.value() + "/faulty", staff, Map.of()).problem())
                .isEqualTo("urn:suoja:problem:invalid-request");
        assertThat(device(agent.id.value()).string("state")).isEqualTo("READY");
    }
}
