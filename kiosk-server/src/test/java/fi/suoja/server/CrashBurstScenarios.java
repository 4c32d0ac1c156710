package fi.suoja.server;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing answered is lost when the server process dies: a burst of bookings, hand-outs and
 * returns from several threads against the real server process, a {@code kill -9} in the middle of
 * it, a restart on the same data, and then every write that got a 2xx answer must be there. Run on
 * an H2 file by {@link CrashBurstOnH2Test} and on PostgreSQL by {@link CrashBurstOnPostgresTest}.
 */
abstract class CrashBurstScenarios {

    private static final int BOOKERS = 4;
    private static final int LENDERS = 3;
    private static final int DEVICES_PER_LENDER = 2;
    /** Answered writes before the kill: enough that the last half second of writes is never empty. */
    private static final int WRITES_BEFORE_KILL = 300;
    private static final int BOOKING_MINUTES = 15;
    private static final int BUFFER_MINUTES = 5;
    private static final int BOOKINGS_PER_DAY = (23 * 60 + 55 - BOOKING_MINUTES - BUFFER_MINUTES) / (BOOKING_MINUTES + BUFFER_MINUTES);

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.createDefault();

    /** The database settings of the server, as environment variables; the same for both starts. */
    abstract Map<String, String> database();

    /** What a device was last answered to be, and whether a request about it went unanswered after that. */
    private record Lent(String tag, boolean onLoan, boolean unanswered) {
    }

    @Test
    void every_answered_booking_hand_out_and_return_is_there_after_a_kill_9_in_the_middle_of_a_burst() throws Exception {
        Map<String, String> database = database();
        Queue<String> answeredCodes = new ConcurrentLinkedQueue<>();
        Map<String, Lent> devices = new ConcurrentHashMap<>();
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        int before;
        long site;
        String kiosk;
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        try (ServerProcess first = ServerProcess.start(dir, database)) {
            Desk desk = desk(first, "Crash library");
            Api api = desk.api();
            String admin = desk.admin();
            String staff = desk.staff();
            site = desk.site();
            kiosk = api.kioskToken(admin, site, "Lobby");
            List<Long> rooms = new ArrayList<>();
            for (int i = 0; i < BOOKERS; i++) {
                rooms.add(api.createRoom(admin, site, "Room " + i, "00:00", "23:55"));
            }
            List<List<String>> lenders = new ArrayList<>();
            for (int i = 0; i < LENDERS; i++) {
                List<String> tags = new ArrayList<>();
                for (int j = 0; j < DEVICES_PER_LENDER; j++) {
                    String tag = "HS-" + i + "-" + j;
                    desk.readyDevice(tag, "HEADSET");
                    devices.put(tag, new Lent(tag, false, false));
                    tags.add(tag);
                }
                lenders.add(tags);
            }
            before = answered.get();

            ExecutorService threads = Executors.newFixedThreadPool(BOOKERS + LENDERS);
            List<Future<?>> running = new ArrayList<>();
            for (long room : rooms) {
                running.add(threads.submit(() -> book(api, kiosk, room, firstDay, answeredCodes, answered, unexpected)));
            }
            for (List<String> tags : lenders) {
                running.add(threads.submit(() -> lend(api, staff, tags, devices, answered, unexpected)));
            }
            await("the burst to be under way").atMost(Duration.ofSeconds(120))
                    .failFast("a writer stopped early: " + unexpected, () -> !unexpected.isEmpty())
                    .until(() -> answered.get() >= WRITES_BEFORE_KILL);
            first.kill9();
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).as("the writers stop when the server is gone").isTrue();
            for (Future<?> f : running) {
                f.get();
            }
        }
        assertThat(unexpected).as("answers other than 2xx during the burst").isEmpty();

        try (ServerProcess second = ServerProcess.start(dir, database)) {
            Api api = new Api(second.uri(), json);
            String admin = api.login("admin", ServerProcess.ADMIN_PASSWORD);
            List<String> lost = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            for (String code : answeredCodes) {
                Api.Answer booking = api.get("/api/v1/bookings/" + code, admin);
                if (booking.status() != 200 || !"CONFIRMED".equals(booking.string("status"))) {
                    lost.add("booking " + code + ": " + booking.status());
                } else {
                    ids.add(booking.number("id"));
                }
            }
            for (Lent device : devices.values()) {
                Api.Answer now = expect(200, api.get("/api/v1/devices/" + device.tag(), admin));
                String state = now.string("state");
                boolean loan = now.get("loan") != null;
                String expected = device.onLoan() ? "ON_LOAN" : "READY";
                String unansweredNext = device.onLoan() ? "READY" : "ON_LOAN";
                boolean fits = state.equals(expected) || device.unanswered() && state.equals(unansweredNext);
                if (!fits || loan != state.equals("ON_LOAN")) {
                    lost.add("device " + device.tag() + ": answered " + expected + (device.unanswered() ? " (then a request went unanswered)" : "")
                            + ", found " + state + (loan ? " with a loan" : " without a loan"));
                }
            }
            assertThat(lost).as("of %d answered writes (%d bookings), after kill -9 and restart (log %s)",
                    answered.get() - before, answeredCodes.size(), dir).isEmpty();
            System.out.printf("%d answered writes (%d bookings) before kill -9, all found after the restart%n",
                    answered.get() - before, answeredCodes.size());
            // On PostgreSQL the killed server had drawn a block of ids ahead; the new one must not give them again.
            long room = api.createRoom(admin, site, "Room after the restart", "00:00", "23:55");
            Api.Answer after = expect(201, api.post("/api/v1/bookings", kiosk,
                    Map.of("roomId", room, "start", firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().toString(), "minutes", BOOKING_MINUTES)));
            assertThat(ids).as("a booking made after the restart has an id of its own").doesNotContain(after.number("id"));
            // 143 = 128 + SIGTERM: how a JVM that ran its shutdown hooks exits on SIGTERM
            assertThat(second.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
    }

    /**
     * A wipe of many devices in one request, answered and then the process killed: every device is
     * still waiting for its wipe after the restart, and none can be handed out. A second wipe of
     * many, killed as soon as the server has the whole request, is all or none: every one of its
     * devices waits for its wipe, or every one is as it was.
     */
    @Test
    void an_answered_wipe_of_many_is_there_after_a_kill_9_and_one_cut_off_is_all_or_none() throws Exception {
        Map<String, String> database = database();
        List<String> answeredGroup = new ArrayList<>();
        List<String> cutOffGroup = new ArrayList<>();
        String cutOffAnswer;
        try (ServerProcess first = ServerProcess.start(dir, database)) {
            Desk desk = desk(first, "Wipe crash library");
            String staff = desk.staff();
            for (int i = 0; i < 220; i++) {
                String tag = "CAM-" + i;
                desk.readyDevice(tag, i % 2 == 0 ? "WEBCAM" : "HEADSET");
                (i < 20 ? answeredGroup : cutOffGroup).add(tag);
            }
            expect(200, desk.api().post("/api/v1/devices/wipe", staff, Map.of("devices", answeredGroup)));
            try (Socket socket = new Socket(first.uri().getHost(), first.uri().getPort())) {
                byte[] body = json.writeValueAsBytes(Map.of("devices", cutOffGroup));
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/devices/wipe HTTP/1.1\r\nHost: " + first.uri().getHost() + "\r\nAuthorization: Bearer "
                        + staff + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                first.kill9();
                String head;
                try {
                    head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                } catch (SocketException reset) {
                    head = "";
                }
                cutOffAnswer = head.isEmpty() ? "not answered" : "answered " + head;
            }
        }

        try (ServerProcess second = ServerProcess.start(dir, database)) {
            Api api = new Api(second.uri(), json);
            String admin = api.login("admin", ServerProcess.ADMIN_PASSWORD);
            String staff = api.staffToken(admin, "desk-after");
            for (String tag : answeredGroup) {
                assertThat(expect(200, api.get("/api/v1/devices/" + tag, admin)).string("state"))
                        .as("%s, wiped by an answered request before kill -9", tag).isEqualTo("WIPE_PENDING");
                assertThat(api.post("/api/v1/devices/hand-out", staff, Map.of("tag", tag, "walkInUntil",
                        Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString())).status())
                        .as("%s is not handed out before its check", tag).isEqualTo(409);
            }
            Map<String, List<String>> byState = new LinkedHashMap<>();
            for (String tag : cutOffGroup) {
                byState.computeIfAbsent(expect(200, api.get("/api/v1/devices/" + tag, admin)).string("state"), s -> new ArrayList<>())
                        .add(tag);
            }
            assertThat(byState.keySet()).as("the states of the cut-off wipe's %d devices (request %s)", cutOffGroup.size(),
                    cutOffAnswer).hasSize(1).containsAnyOf("READY", "WIPE_PENDING");
            if (cutOffAnswer.startsWith("answered HTTP/1.1 200")) {
                assertThat(byState).containsOnlyKeys("WIPE_PENDING");
            }
            System.out.printf("wipe of many before kill -9: %d devices waiting after the restart; the cut-off one %s, its"
                    + " devices all %s%n", answeredGroup.size(), cutOffAnswer, byState.keySet());
            assertThat(second.terminate(Duration.ofSeconds(60))).isIn(0, 143);
        }
    }

    /** Books one room slot after slot until the server stops answering; records each answered code. */
    private void book(Api api, String kiosk, long room, LocalDate firstDay, Queue<String> codes, AtomicInteger answered,
                      Queue<String> unexpected) {
        for (int i = 0; ; i++) {
            Instant start = firstDay.plusDays(i / BOOKINGS_PER_DAY).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plus((long) (i % BOOKINGS_PER_DAY) * (BOOKING_MINUTES + BUFFER_MINUTES), ChronoUnit.MINUTES);
            Api.Answer answer;
            try {
                answer = api.post("/api/v1/bookings", kiosk, Map.of("roomId", room, "start", start.toString(), "minutes", BOOKING_MINUTES));
            } catch (UncheckedIOException gone) {
                return;
            }
            if (answer.status() != 201) {
                unexpected.add("booking " + start + ": " + answer);
                return;
            }
            codes.add(answer.string("code"));
            answered.incrementAndGet();
        }
    }

    /** Hands out and takes back its own devices in turn until the server stops answering. */
    private void lend(Api api, String staff, List<String> tags, Map<String, Lent> devices, AtomicInteger answered,
                      Queue<String> unexpected) {
        for (int i = 0; ; i++) {
            Lent device = devices.get(tags.get(i % tags.size()));
            Api.Answer answer;
            try {
                answer = device.onLoan()
                        ? api.post("/api/v1/devices/return", staff, Map.of("tag", device.tag()))
                        : api.post("/api/v1/devices/hand-out", staff, Map.of("tag", device.tag(),
                        "walkInUntil", Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString()));
            } catch (UncheckedIOException gone) {
                devices.put(device.tag(), new Lent(device.tag(), device.onLoan(), true));
                return;
            }
            if (answer.status() != 200) {
                unexpected.add("device " + device.tag() + ": " + answer);
                return;
            }
            devices.put(device.tag(), new Lent(device.tag(), !device.onLoan(), false));
            answered.incrementAndGet();
        }
    }

    /** A first start's admin and staff, and a site in UTC with this test's rules. */
    private record Desk(Api api, String admin, String staff, long site) {

        /** A device without an agent, registered and checked by staff: READY. */
        void readyDevice(String tag, String kind) {
            expect(201, api.post("/api/v1/devices", admin, Map.of("tag", tag, "kind", kind, "siteId", site)));
            expect(200, api.post("/api/v1/devices/return", staff, Map.of("tag", tag)));
        }
    }

    private Desk desk(ServerProcess server, String siteName) {
        Api api = new Api(server.uri(), json);
        String admin = api.login("admin", ServerProcess.ADMIN_PASSWORD);
        String staff = api.staffToken(admin, "desk");
        long site = expect(201, api.post("/api/v1/sites", admin, Map.of("name", siteName, "timeZone", "UTC", "rules", rules())))
                .number("id");
        return new Desk(api, admin, staff, site);
    }

    private static Map<String, Object> rules() {
        Map<String, Object> rules = new LinkedHashMap<>(Api.rules(
                "slotStepMinutes", 5, "minBookingMinutes", 5, "maxDaysAhead", 365, "bufferMinutes", BUFFER_MINUTES));
        return rules;
    }
}
