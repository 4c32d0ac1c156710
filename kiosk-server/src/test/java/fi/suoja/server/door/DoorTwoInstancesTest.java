package fi.suoja.server.door;

import fi.suoja.hardware.door.LockId;
import fi.suoja.hardware.door.SimulatedDoorLock;
import fi.suoja.hardware.sign.SignId;
import fi.suoja.hardware.sign.SignState;
import fi.suoja.hardware.sign.SimulatedRoomSign;
import fi.suoja.server.Api;
import fi.suoja.server.MutableClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Door tasks live in the database: two server instances on one database run each task once, and
 * a server that was down when tasks fell due runs them when it is back.
 */
class DoorTwoInstancesTest {

    @TempDir
    Path dir;

    /** The datasource of the database named so; every instance started on one name shares it. */
    Map<String, String> database(String name) {
        // The same H2 file opened twice in one JVM is one database, as PostgreSQL would be for two machines.
        return Map.of("datasources.default.url", "jdbc:h2:file:" + dir.resolve(name) + ";DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000");
    }

    private EmbeddedServer start(String database) {
        Map<String, Object> properties = new HashMap<>(database(database));
        properties.put("micronaut.server.port", -1);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        server.getApplicationContext().getBean(MutableClock.class).set(DoorScenarios.at("10:00"));
        return server;
    }

    /** A room with a keypad lock and a sign, and a booking of it from 12:00 to 13:00; returns the booking. */
    private static Api.Answer bookedRoom(Api api) {
        String admin = api.loginAdmin();
        long site = api.createSite(admin, "Shared library", Api.rules("doorCodeLeadMinutes", 20));
        long room = expect(201, api.post("/api/v1/sites/" + site + "/rooms", admin, Map.of("name", "Room A", "place", "1st floor",
                "capacity", 2, "stepFree", true, "doorLockId", "lock-a", "keypad", true, "roomSignId", "sign-a"))).number("id");
        List<Map<String, String>> week = Stream.of(java.time.DayOfWeek.values())
                .map(d -> Map.of("weekday", d.name(), "opens", "08:00", "closes", "20:00")).toList();
        expect(200, api.put("/api/v1/rooms/" + room + "/hours", admin, week));
        return expect(201, api.post("/api/v1/bookings", admin, Map.of("roomId", room, "start", DoorScenarios.at("12:00").toString(), "minutes", 60)));
    }

    private static int runBoth(EmbeddedServer one, EmbeddedServer two, String time) throws Exception {
        for (EmbeddedServer server : List.of(one, two)) {
            // a booking change asked each worker for a run at the old time; on a busy machine it could
            // otherwise start after the clock moves and take the task that this run is to count
            server.getApplicationContext().getBean(DoorWorker.class).awaitRunsAskedFor();
        }
        for (EmbeddedServer server : List.of(one, two)) {
            server.getApplicationContext().getBean(MutableClock.class).set(DoorScenarios.at(time));
        }
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(one.getApplicationContext().getBean(DoorTaskRunner.class)::runDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(two.getApplicationContext().getBean(DoorTaskRunner.class)::runDue);
        return a.get() + b.get();
    }

    private static int commands(EmbeddedServer one, EmbeddedServer two) {
        return one.getApplicationContext().getBean(SimulatedDoorLock.class).commandsReceived()
                + two.getApplicationContext().getBean(SimulatedDoorLock.class).commandsReceived();
    }

    private static List<SignState> signHistory(EmbeddedServer server) {
        return server.getApplicationContext().getBean(SimulatedRoomSign.class).history(new SignId("sign-a"));
    }

    @Test
    void two_instances_on_one_database_run_each_door_task_once() throws Exception {
        try (EmbeddedServer one = start("shared"); EmbeddedServer two = start("shared")) {
            bookedRoom(new Api(one));

            assertThat(runBoth(one, two, "11:40")).as("the code, once").isEqualTo(1);
            assertThat(commands(one, two)).isEqualTo(1);
            assertThat(runBoth(one, two, "12:00")).as("BUSY, once").isEqualTo(1);
            assertThat(runBoth(one, two, "12:55")).as("ENDING_SOON, once").isEqualTo(1);
            assertThat(runBoth(one, two, "13:00")).as("the revoke and FREE, once each").isEqualTo(2);
            assertThat(commands(one, two)).isEqualTo(2);
            assertThat(Stream.concat(signHistory(one).stream(), signHistory(two).stream()))
                    .containsExactlyInAnyOrder(SignState.BUSY, SignState.ENDING_SOON, SignState.FREE);
            assertThat(runBoth(one, two, "14:00")).isZero();
        }
    }

    @Test
    void a_server_that_was_down_when_the_window_opened_sets_the_code_when_it_is_back() {
        Api.Answer booking;
        try (EmbeddedServer before = start("restart")) {
            booking = bookedRoom(new Api(before));
        }
        try (EmbeddedServer after = start("restart")) {
            after.getApplicationContext().getBean(MutableClock.class).set(DoorScenarios.at("12:10"));
            SimulatedDoorLock lock = after.getApplicationContext().getBean(SimulatedDoorLock.class);
            assertThat(lock.accepts(new LockId("lock-a"), booking.string("doorCode"), DoorScenarios.at("12:10"))).isFalse();

            after.getApplicationContext().getBean(DoorTaskRunner.class).runDue();
            assertThat(lock.accepts(new LockId("lock-a"), booking.string("doorCode"), DoorScenarios.at("12:10"))).isTrue();
            assertThat(signHistory(after)).containsExactly(SignState.BUSY);
        }
        try (EmbeddedServer late = start("restart")) {
            // Down again past the end: what is over is not started any more, what ends it still runs.
            late.getApplicationContext().getBean(MutableClock.class).set(DoorScenarios.at("13:30"));
            late.getApplicationContext().getBean(DoorTaskRunner.class).runDue();
            assertThat(late.getApplicationContext().getBean(SimulatedDoorLock.class).commandsReceived()).isEqualTo(1);
            assertThat(signHistory(late)).containsExactly(SignState.FREE);
        }
    }
}
