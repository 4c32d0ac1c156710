package fi.suoja.server.door;

import fi.suoja.hardware.door.CodeGrant;
import fi.suoja.hardware.door.CodeSlot;
import fi.suoja.hardware.door.LockId;
import fi.suoja.hardware.door.SimulatedDoorLock;
import fi.suoja.hardware.sign.SignId;
import fi.suoja.hardware.sign.SignState;
import fi.suoja.hardware.sign.SimulatedRoomSign;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.ServerDatabase;
import fi.suoja.server.ServerScene;
import fi.suoja.server.booking.BookingJobs;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Door locks and room signs driven by the booking lifecycle, through the real HTTP API and a real
 * database, with the simulated lock (which, like a Zigbee lock, opens for a code from when it is
 * set until it is revoked, so these tests see exactly when the server sets and revokes) and the
 * simulated sign. The clock stands still until a test moves it; {@link DoorTaskRunner#runDue()} is
 * what the server's scheduler runs every few seconds. Run on H2 by {@link DoorOnH2Test} and on
 * PostgreSQL by {@link DoorOnPostgresTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DoorScenarios extends ServerScene implements TestPropertyProvider, ServerDatabase {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final int LEAD_MINUTES = 20;
    static final int MAX_ATTEMPTS = 4;

    @Inject
    DoorTaskRunner tasks;

    @Inject
    DoorReconciler reconciler;

    @Inject
    DoorWorker worker;

    @Inject
    BookingJobs bookingJobs;

    @Inject
    DoorTaskRepository taskRows;

    @Inject
    SimulatedDoorLock locks;

    @Inject
    SimulatedRoomSign signs;

    @Inject
    DoorCodeCheckIns doorCodeCheckIns;

    Api api;
    String admin;
    String staff;
    String kiosk;
    long siteId;
    String unique;

    /** The database of {@link ServerDatabase}, with the door settings added. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.put("suoja.doors.retry-first", "1m");
        properties.put("suoja.doors.retry-ceiling", "4m");
        properties.put("suoja.doors.max-attempts", String.valueOf(MAX_ATTEMPTS));
        properties.put("suoja.doors.ending-soon", "5m");
        return properties;
    }

    @BeforeEach
    void scene() {
        locks.setState(SimulatedDoorLock.State.ANSWERING);
        signs.setReachable(true);
        clock.set(at("10:00"));
        api = new Api(server);
        Api.Library library = api.library(Api.rules("doorCodeLeadMinutes", LEAD_MINUTES));
        admin = library.admin();
        unique = library.unique();
        staff = library.staff();
        siteId = library.siteId();
        kiosk = library.kiosk();
    }

    @AfterEach
    void hardwareBack() {
        locks.setState(SimulatedDoorLock.State.ANSWERING);
        signs.setReachable(true);
    }

    static Instant at(String time) {
        return ZonedDateTime.of(TODAY, LocalTime.parse(time), HELSINKI).toInstant();
    }

    /** A room open 08–20 every day with a Zigbee keypad lock of that friendly name. */
    static long keypadRoom(Api api, String admin, long site, String name, String lock) {
        long room = expect(201, api.post("/api/v1/sites/" + site + "/rooms", admin, Map.of("name", name, "place", "Ground floor",
                "capacity", 2, "stepFree", true, "doorLockId", lock, "keypad", true))).number("id");
        expect(200, api.put("/api/v1/rooms/" + room + "/hours", admin, Stream.of(java.time.DayOfWeek.values())
                .map(d -> Map.of("weekday", d.name(), "opens", "08:00", "closes", "20:00")).toList()));
        return room;
    }

    /** A room open 08–20 every day with the hardware given; null leaves it out. */
    long room(String name, String lockId, boolean keypad, String signId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "place", "2nd floor", "capacity", 2,
                "stepFree", true, "keypad", keypad));
        if (lockId != null) {
            body.put("doorLockId", lockId);
        }
        if (signId != null) {
            body.put("roomSignId", signId);
        }
        long roomId = expect(201, api.post("/api/v1/sites/" + siteId + "/rooms", admin, body)).number("id");
        List<Map<String, String>> week = Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> Map.of("weekday", d.name(), "opens", "08:00", "closes", "20:00"))
                .toList();
        expect(200, api.put("/api/v1/rooms/" + roomId + "/hours", admin, week));
        return roomId;
    }

    Api.Answer book(long roomId, String start, int minutes) {
        return expect(201, api.post("/api/v1/bookings", kiosk,
                Map.of("roomId", roomId, "start", at(start).toString(), "minutes", minutes)));
    }

    /**
     * Moves the clock and runs what is due, as the scheduler would. The server's own door thread
     * (woken by a booking change) finishes its runs first and after, so that it cannot claim a task
     * at the new time and still be sending its command while the test counts.
     */
    void runAt(String time) {
        workerIdle();
        clock.set(at(time));
        tasks.runDue();
        workerIdle();
    }

    private void workerIdle() {
        try {
            worker.awaitRunsAskedFor();
        } catch (Exception e) {
            throw new AssertionError("the door thread did not finish its runs", e);
        }
    }

    boolean opens(String lock, Api.Answer booking) {
        return locks.accepts(new LockId(lock), booking.string("doorCode"), clock.instant());
    }

    void eventuallyOpens(String lock, Api.Answer booking, boolean expected) {
        Eventually.until("the lock " + (expected ? "to take" : "to drop") + " the code",
                () -> opens(lock, booking), opens -> opens == expected);
    }

    /**
     * Waits until the server's own door thread (woken by a booking change) has finished what was
     * due for this lock or sign, so that a test moving the clock far ahead does not find its
     * claim's lease run out and run it a second time.
     */
    void settled(String hardwareId) {
        Eventually.until("the door thread to finish with " + hardwareId, () -> taskRows.findAll().stream()
                .filter(t -> hardwareId.equals(t.lockId()) || hardwareId.equals(t.signId()))
                .filter(t -> t.state() == DoorTaskState.PENDING && !t.dueAt().isAfter(clock.instant()))
                .toList(), List::isEmpty);
    }

    String status(Api.Answer booking) {
        return expect(200, api.get("/api/v1/bookings/" + booking.string("code"), staff)).string("status");
    }

    @Test
    void the_lock_takes_the_code_exactly_at_the_start_of_its_window_and_drops_it_exactly_at_the_end() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "12:00", 60);
        assertThat(booking.string("doorCodeValidFrom")).isEqualTo(at("11:40").toString());

        runAt("11:39:59");
        assertThat(opens(lock, booking)).as("one second before the window").isFalse();
        runAt("11:40");
        assertThat(opens(lock, booking)).as("when the window opens").isTrue();
        runAt("12:59:59");
        assertThat(opens(lock, booking)).as("one second before the end").isTrue();
        runAt("13:00");
        assertThat(opens(lock, booking)).as("at the end").isFalse();
        assertThat(locks.codes()).noneMatch(grant -> grant.lock().value().equals(lock));
    }

    @Test
    void a_cancelled_booking_loses_its_code_at_once() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "12:00", 60);
        runAt("11:45");
        assertThat(opens(lock, booking)).isTrue();

        expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/cancel", kiosk, Map.of()));
        eventuallyOpens(lock, booking, false);
    }

    @Test
    void a_booking_ended_early_loses_its_code_at_once() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "10:00", 60);
        // Its window opened before it was made: the code is set at once.
        eventuallyOpens(lock, booking, true);
        expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/check-in", kiosk, null));

        clock.set(at("10:20"));
        expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/end", kiosk, null));
        eventuallyOpens(lock, booking, false);
    }

    @Test
    void a_booking_released_as_a_no_show_loses_its_code_at_once() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "11:00", 60);
        runAt("10:45");
        assertThat(opens(lock, booking)).isTrue();

        clock.set(at("11:15"));
        assertThat(bookingJobs.releaseNoShows()).isPositive();
        assertThat(status(booking)).isEqualTo("NO_SHOW");
        eventuallyOpens(lock, booking, false);
    }

    /** The slot the booking's code was set in. */
    int slotOf(Api.Answer booking) {
        long id = booking.number("id");
        return taskRows.findAll().stream().filter(t -> t.bookingId() == id && t.kind() == DoorTaskKind.SET_CODE && t.slot() != null)
                .findFirst().orElseThrow().slot();
    }

    String checkedInAt(Api.Answer booking) {
        return expect(200, api.get("/api/v1/bookings/" + booking.string("code"), staff)).string("checkedInAt");
    }

    @Test
    void a_room_booked_for_now_at_a_kiosk_keeps_its_code_and_its_busy_sign_past_the_grace_time() {
        String lock = "lock-" + unique;
        String sign = "sign-" + unique;
        long room = room("Room A", lock, true, sign);
        Api.Answer booking = book(room, "10:00", 60);
        assertThat(booking.string("status")).isEqualTo("CHECKED_IN");
        eventuallyOpens(lock, booking, true);
        Eventually.until("BUSY", () -> signs.current(new SignId(sign)), state -> state.isPresent() && state.get() == SignState.BUSY);
        settled(lock);
        settled(sign);

        clock.set(at("10:16"));
        bookingJobs.releaseNoShows();
        tasks.runDue();
        assertThat(status(booking)).isEqualTo("CHECKED_IN");
        assertThat(opens(lock, booking)).as("the door code after the grace time").isTrue();
        assertThat(signs.current(new SignId(sign))).contains(SignState.BUSY);
        runAt("10:59:59");
        assertThat(opens(lock, booking)).isTrue();
        runAt("11:00");
        assertThat(opens(lock, booking)).as("at the end").isFalse();
        assertThat(signs.current(new SignId(sign))).contains(SignState.FREE);
    }

    @Test
    void the_first_use_of_the_door_code_checks_a_booking_in_and_the_room_stays_its_own_past_the_grace_time() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "12:00", 60);
        assertThat(booking.string("status")).isEqualTo("CONFIRMED");
        runAt("11:40");

        clock.set(at("11:50"));
        assertThat(locks.typeOnKeypad(new LockId(lock), booking.string("doorCode"))).as("the door opens").isTrue();
        Eventually.until("the booking to be checked in", () -> status(booking), "CHECKED_IN"::equals);
        assertThat(checkedInAt(booking)).isEqualTo(at("11:50").toString());

        clock.set(at("12:16"));
        bookingJobs.releaseNoShows();
        tasks.runDue();
        assertThat(status(booking)).isEqualTo("CHECKED_IN");
        assertThat(opens(lock, booking)).isTrue();
    }

    @Test
    void a_keypad_report_of_another_slot_another_lock_a_code_not_set_yet_or_too_late_changes_nothing() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "12:00", 60);

        clock.set(at("11:39"));
        doorCodeCheckIns.used(new LockId(lock), new CodeSlot(1));
        assertThat(status(booking)).as("before its window the code is in no slot").isEqualTo("CONFIRMED");

        runAt("11:40");
        int slot = slotOf(booking);
        clock.set(at("11:45"));
        doorCodeCheckIns.used(new LockId(lock), new CodeSlot(slot + 1));
        doorCodeCheckIns.used(new LockId("other-" + unique), new CodeSlot(slot));
        assertThat(status(booking)).as("another slot, another lock").isEqualTo("CONFIRMED");
        assertThat(locks.typeOnKeypad(new LockId(lock), "000000".equals(booking.string("doorCode")) ? "000001" : "000000"))
                .as("a wrong code opens nothing and says nothing").isFalse();

        clock.set(at("12:15"));
        doorCodeCheckIns.used(new LockId(lock), new CodeSlot(slot));
        assertThat(status(booking)).as("after the grace time").isEqualTo("CONFIRMED");
        assertThat(bookingJobs.releaseNoShows()).isPositive();
        assertThat(status(booking)).isEqualTo("NO_SHOW");
        eventuallyOpens(lock, booking, false);
        doorCodeCheckIns.used(new LockId(lock), new CodeSlot(slot));
        assertThat(status(booking)).isEqualTo("NO_SHOW");
    }

    @Test
    void a_keypad_report_that_comes_again_keeps_the_first_check_in() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "12:00", 60);
        runAt("11:40");
        clock.set(at("11:45"));
        locks.typeOnKeypad(new LockId(lock), booking.string("doorCode"));
        Eventually.until("the booking to be checked in", () -> status(booking), "CHECKED_IN"::equals);

        clock.set(at("11:55"));
        doorCodeCheckIns.used(new LockId(lock), new CodeSlot(slotOf(booking)));

        assertThat(checkedInAt(booking)).isEqualTo(at("11:45").toString());
    }

    @Test
    void the_simulated_keypad_answers_staff_whether_the_door_opened() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "12:00", 60);
        runAt("11:40");
        clock.set(at("11:41"));

        assertThat(expect(200, api.post("/api/v1/rooms/" + room + "/lock/keypad", staff, Map.of("code", "13579"))).get("opened"))
                .isEqualTo(false);
        assertThat(expect(200, api.post("/api/v1/rooms/" + room + "/lock/keypad", staff,
                Map.of("code", booking.string("doorCode")))).get("opened")).isEqualTo(true);
        Eventually.until("the booking to be checked in", () -> status(booking), "CHECKED_IN"::equals);
        assertThat(api.post("/api/v1/rooms/" + room + "/lock/keypad", staff, Map.of("code", "12ab")).problem())
                .isEqualTo("urn:suoja:problem:invalid-request");
        long bare = room("Room C", null, false, null);
        assertThat(api.post("/api/v1/rooms/" + bare + "/lock/keypad", staff, Map.of("code", "1234")).status()).isEqualTo(404);
    }

    @Test
    void an_extension_keeps_the_code_until_the_new_end() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "10:00", 30);
        eventuallyOpens(lock, booking, true);
        expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/check-in", kiosk, null));
        clock.set(at("10:15"));
        Api.Answer longer = expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/extend", kiosk,
                Map.of("minutes", 30)));
        assertThat(longer.string("end")).isEqualTo(at("11:00").toString());
        settled(lock);

        runAt("10:30");
        assertThat(opens(lock, booking)).as("at the old end").isTrue();
        runAt("10:59:59");
        assertThat(opens(lock, booking)).isTrue();
        runAt("11:00");
        assertThat(opens(lock, booking)).as("at the new end").isFalse();
    }

    @Test
    void two_bookings_of_one_room_back_to_back_each_have_their_own_window_and_slot() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer first = book(room, "12:00", 60);
        Api.Answer second = book(room, "13:15", 45);

        runAt("12:54:59");
        assertThat(opens(lock, first)).isTrue();
        assertThat(opens(lock, second)).isFalse();
        // The second window opens five minutes before the first ends: both codes live side by side.
        runAt("12:55");
        assertThat(opens(lock, first)).isTrue();
        assertThat(opens(lock, second)).isTrue();
        assertThat(locks.codes().stream().filter(g -> g.lock().value().equals(lock)).map(g -> g.slot().number()))
                .doesNotHaveDuplicates().hasSize(2);
        runAt("13:00");
        assertThat(opens(lock, first)).isFalse();
        assertThat(opens(lock, second)).isTrue();
        runAt("14:00");
        assertThat(opens(lock, second)).isFalse();
    }

    @Test
    void a_room_booked_more_times_ahead_than_its_lock_has_slots_still_gets_every_code() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Instant tomorrowTen = at("10:00").plus(Duration.ofDays(1));
        int booked = 0;
        for (Instant start = at("10:30"); !start.isAfter(tomorrowTen); start = start.plus(Duration.ofMinutes(30))) {
            if (api.post("/api/v1/bookings", kiosk, Map.of("roomId", room, "start", start.toString(), "minutes", 15)).status() == 201) {
                booked++;
            }
        }
        assertThat(booked).isGreaterThan(20);
        Api.Answer last = expect(200, api.get("/api/v1/sites/" + siteId + "/bookings?date=" + TODAY.plusDays(1), staff)).list()
                .stream().filter(b -> tomorrowTen.toString().equals(b.get("start"))).findFirst()
                .map(b -> new Api.Answer(200, "application/json", "", b)).orElseThrow();

        // The server was not asked to run anything all day: it catches up, skipping what is over.
        clock.set(tomorrowTen.minus(Duration.ofMinutes(LEAD_MINUTES)));
        tasks.runDue();
        assertThat(opens(lock, last)).isTrue();
        // Only the live codes hold slots: the 09:30 booking's and this one's.
        assertThat(locks.codes().stream().filter(g -> g.lock().value().equals(lock)).map(g -> g.slot().number()))
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void the_sign_turns_busy_at_the_start_ending_soon_five_minutes_before_the_end_and_free_at_the_end() {
        String sign = "sign-" + unique;
        long room = room("Room A", null, false, sign);
        book(room, "12:00", 60);
        SignId id = new SignId(sign);

        runAt("11:59:59");
        assertThat(signs.current(id)).isEmpty();
        runAt("12:00");
        assertThat(signs.current(id)).contains(SignState.BUSY);
        runAt("12:54:59");
        assertThat(signs.current(id)).contains(SignState.BUSY);
        runAt("12:55");
        assertThat(signs.current(id)).contains(SignState.ENDING_SOON);
        runAt("13:00");
        assertThat(signs.current(id)).contains(SignState.FREE);
        assertThat(signs.history(id)).containsExactly(SignState.BUSY, SignState.ENDING_SOON, SignState.FREE);
    }

    @Test
    void the_sign_turns_free_at_once_when_a_booking_ends_early_and_a_cancelled_booking_never_turns_it_busy() {
        String sign = "sign-" + unique;
        long room = room("Room A", null, false, sign);
        SignId id = new SignId(sign);
        Api.Answer now = book(room, "10:00", 60);
        Eventually.until("BUSY", () -> signs.current(id), state -> state.isPresent() && state.get() == SignState.BUSY);
        expect(200, api.post("/api/v1/bookings/" + now.string("code") + "/check-in", kiosk, null));
        clock.set(at("10:20"));
        expect(200, api.post("/api/v1/bookings/" + now.string("code") + "/end", kiosk, null));
        Eventually.until("FREE", () -> signs.current(id), state -> state.isPresent() && state.get() == SignState.FREE);

        Api.Answer later = book(room, "14:00", 60);
        expect(200, api.post("/api/v1/bookings/" + later.string("code") + "/cancel", kiosk, Map.of()));
        settled(sign);
        runAt("14:00");
        runAt("14:55");
        assertThat(signs.history(id)).containsExactly(SignState.BUSY, SignState.FREE, SignState.FREE);
    }

    @Test
    void a_silent_lock_is_tried_again_with_growing_waits_then_staff_are_alerted_and_the_booking_goes_on() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "12:00", 60);
        locks.setState(SimulatedDoorLock.State.SILENT);
        int before = locks.commandsReceived();

        runAt("11:40");
        assertThat(locks.commandsReceived() - before).as("first try").isEqualTo(1);
        runAt("11:40:40");
        assertThat(locks.commandsReceived() - before).as("still waiting after the first try (1 min ±20 %)").isEqualTo(1);
        runAt("11:41:15");
        assertThat(locks.commandsReceived() - before).as("second try").isEqualTo(2);
        runAt("11:42:30");
        assertThat(locks.commandsReceived() - before).as("waiting twice as long now").isEqualTo(2);
        runAt("11:43:45");
        assertThat(locks.commandsReceived() - before).as("third try").isEqualTo(3);
        assertThat(expect(200, api.get("/api/v1/alerts?siteId=" + siteId, staff)).list()).as("no alert while tries remain").isEmpty();
        runAt("11:47:45");
        assertThat(locks.commandsReceived() - before).as("fourth and last try").isEqualTo(4);
        runAt("12:30");
        assertThat(locks.commandsReceived() - before).as("no try after the last").isEqualTo(4);

        List<Map<String, Object>> alerts = expect(200, api.get("/api/v1/alerts?siteId=" + siteId, staff)).list();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(((Number) alert.get("roomId")).longValue()).isEqualTo(room);
            assertThat(alert.get("code")).isEqualTo("CODE_NOT_SET");
            assertThat(((Number) alert.get("attempts")).intValue()).isEqualTo(4);
            assertThat(alert.get("failure")).isIn("LOCK_NO_ANSWER", "LOCK_REFUSED");
        });
        assertThat(status(booking)).isEqualTo("CONFIRMED");
        clock.set(at("11:50"));
        assertThat(expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/check-in", kiosk, null))
                .string("status")).isEqualTo("CHECKED_IN");

        // Staff let the person in: refused in words while the lock is silent, done once it answers.
        Api.Answer silent = api.post("/api/v1/rooms/" + room + "/unlock", staff, null);
        assertThat(silent.status()).isEqualTo(502);
        assertThat(silent.problem()).isEqualTo("urn:suoja:problem:lock-unreachable");
        locks.setState(SimulatedDoorLock.State.ANSWERING);
        expect(204, api.post("/api/v1/rooms/" + room + "/unlock", staff, null));
        assertThat(locks.unlocks(new LockId(lock))).containsExactly(at("11:50"));

        long alertId = ((Number) alerts.get(0).get("id")).longValue();
        Api.Answer acknowledged = expect(200, api.post("/api/v1/alerts/" + alertId + "/acknowledge", staff, null));
        assertThat(acknowledged.string("acknowledgedBy")).isEqualTo("staff-" + unique);
        assertThat(expect(200, api.get("/api/v1/alerts?siteId=" + siteId, staff)).list()).isEmpty();
    }

    @Test
    void a_lock_that_recovers_gets_the_code_on_a_later_try_without_an_alert() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer booking = book(room, "12:00", 60);
        locks.setState(SimulatedDoorLock.State.SILENT);
        runAt("11:40");
        assertThat(opens(lock, booking)).isFalse();

        locks.setState(SimulatedDoorLock.State.ANSWERING);
        runAt("11:42");
        assertThat(opens(lock, booking)).isTrue();
        assertThat(expect(200, api.get("/api/v1/alerts?siteId=" + siteId, staff)).list()).isEmpty();
        runAt("13:00");
        assertThat(opens(lock, booking)).isFalse();
    }

    @Test
    void a_booking_is_answered_with_its_door_and_sign_tasks_written_and_a_refused_one_leaves_none() {
        String lock = "lock-" + unique;
        String sign = "sign-" + unique;
        long room = room("Room A", lock, true, sign);

        long id = book(room, "12:00", 60).number("id");

        // written in the booking's own commit: there when the answer is, whatever the door thread has done since
        assertThat(taskRows.findByBookingIdOrderById(id)).extracting(DoorTask::kind).containsExactlyInAnyOrder(
                DoorTaskKind.SET_CODE, DoorTaskKind.REVOKE_CODE, DoorTaskKind.SIGN_BUSY, DoorTaskKind.SIGN_ENDING_SOON,
                DoorTaskKind.SIGN_FREE);
        long before = taskRows.findAll().stream().filter(t -> t.roomId() == room).count();
        expect(409, api.post("/api/v1/bookings", kiosk, Map.of("roomId", room, "start", at("12:30").toString(), "minutes", 30)));
        assertThat(taskRows.findAll().stream().filter(t -> t.roomId() == room).count())
                .as("a booking refused on the room's slots writes no door work").isEqualTo(before);
        assertThat(reconciler.reconcile()).as("nothing for the sweep to make up").isZero();
    }

    @Test
    void door_work_lost_with_a_booking_event_is_made_up_by_the_reconciliation() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);

        // As if the tasks had been lost (a booking made before they were written with it): none at all.
        Api.Answer unplanned = book(room, "12:00", 60);
        List<DoorTask> rows = taskRows.findAll().stream().filter(t -> lock.equals(t.lockId())).toList();
        rows.forEach(taskRows::delete);
        assertThat(reconciler.reconcile()).isEqualTo(1);
        runAt("11:40");
        assertThat(opens(lock, unplanned)).isTrue();
        runAt("13:00");
        assertThat(opens(lock, unplanned)).isFalse();

        // As if a cancellation's event had been lost: the code still in the lock, its revoke still due at the old end.
        Api.Answer cancelled = book(room, "14:00", 60);
        runAt("13:40");
        CodeGrant grant = locks.codes().stream().filter(g -> g.lock().value().equals(lock)).findFirst().orElseThrow();
        expect(200, api.post("/api/v1/bookings/" + cancelled.string("code") + "/cancel", kiosk, Map.of()));
        eventuallyOpens(lock, cancelled, false);
        locks.setCode(grant);
        DoorTask revoke = Eventually.until("the revoke to be recorded", () -> taskRows.findAll().stream()
                .filter(t -> lock.equals(t.lockId()) && t.kind() == DoorTaskKind.REVOKE_CODE && t.slot() == grant.slot().number()
                        && t.state() == DoorTaskState.DONE && t.finishedAt().isAfter(at("13:00")))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        taskRows.update(new DoorTask(revoke.id(), revoke.bookingId(), revoke.roomId(), revoke.kind(), revoke.lockId(), null,
                revoke.slot(), DoorTask.holder(revoke.lockId(), revoke.slot()), at("15:00"), DoorTaskState.PENDING, 0,
                at("15:00"), null, revoke.createdAt(), null));
        assertThat(opens(lock, cancelled)).isTrue();

        runAt("13:45");
        assertThat(opens(lock, cancelled)).as("the revoke still waits for the old end").isTrue();
        assertThat(reconciler.reconcile()).isEqualTo(1);
        tasks.runDue();
        assertThat(opens(lock, cancelled)).as("revoked once the reconciliation saw the cancellation").isFalse();
        assertThat(reconciler.reconcile()).as("nothing more to put right").isZero();

        // As if an extension's event had been lost: the closing tasks still due at the old end.
        Api.Answer extended = book(room, "16:00", 30);
        expect(200, api.post("/api/v1/bookings/" + extended.string("code") + "/extend", kiosk, Map.of("minutes", 30)));
        long extendedId = extended.number("id");
        assertThat(taskRows.reschedule(extendedId, List.of(DoorTaskKind.REVOKE_CODE.name(), DoorTaskKind.SIGN_FREE.name()),
                at("16:30"))).as("the revoke put back (this room has a lock and no sign)").isEqualTo(1);
        assertThat(reconciler.reconcile()).as("the lost extension, found among the bookings read at once").isEqualTo(1);
        assertThat(taskRows.findByBookingIdOrderById(extendedId)).filteredOn(t -> t.kind() == DoorTaskKind.REVOKE_CODE)
                .extracting(DoorTask::dueAt).containsOnly(at("17:00"));
        assertThat(reconciler.reconcile()).as("nothing more to put right").isZero();
    }

    @Test
    void a_door_without_a_keypad_opens_on_check_in() {
        String lock = "strike-" + unique;
        long room = room("Room B", lock, false, null);
        Api.Answer booking = book(room, "10:30", 30);
        assertThat(booking.string("doorCode")).isNull();
        clock.set(at("10:25"));
        expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/check-in", kiosk, null));
        Eventually.until("the door to open", () -> locks.unlocks(new LockId(lock)), opened -> opened.size() == 1);
        assertThat(locks.unlocks(new LockId(lock))).containsExactly(at("10:25"));
    }

    @Test
    void a_door_that_does_not_open_on_check_in_alerts_staff_at_once_and_the_booking_goes_on() {
        String lock = "strike-" + unique;
        long room = room("Room B", lock, false, null);
        Api.Answer booking = book(room, "10:30", 30);
        locks.setState(SimulatedDoorLock.State.REFUSING);
        clock.set(at("10:25"));
        expect(200, api.post("/api/v1/bookings/" + booking.string("code") + "/check-in", kiosk, null));
        List<Map<String, Object>> alerts = Eventually.until("an alert",
                () -> expect(200, api.get("/api/v1/alerts?siteId=" + siteId, staff)).list(), list -> !list.isEmpty());
        assertThat(alerts).singleElement().satisfies(alert ->
                assertThat(alert).containsEntry("code", "DOOR_NOT_OPENED").containsEntry("failure", "LOCK_REFUSED"));
        assertThat(status(booking)).isEqualTo("CHECKED_IN");
    }

    @Test
    void a_room_sign_that_cannot_be_reached_is_tried_again_and_then_alerts_staff() {
        String sign = "sign-" + unique;
        long room = room("Room A", null, false, sign);
        book(room, "12:00", 60);
        signs.setReachable(false);
        runAt("12:00");
        runAt("12:01:15");
        runAt("12:03:45");
        assertThat(expect(200, api.get("/api/v1/alerts?siteId=" + siteId, staff)).list()).isEmpty();
        runAt("12:07:45");
        assertThat(expect(200, api.get("/api/v1/alerts?siteId=" + siteId, staff)).list()).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("code", "SIGN_NOT_CHANGED").containsEntry("failure", "SIGN_NOT_REACHED"));
        signs.setReachable(true);
        runAt("12:55");
        assertThat(signs.current(new SignId(sign))).contains(SignState.ENDING_SOON);
    }

    @Test
    void staff_see_the_last_battery_and_bolt_report_of_a_rooms_lock() {
        String lock = "lock-" + unique;
        long room = room("Room A", lock, true, null);
        Api.Answer unknown = expect(200, api.get("/api/v1/rooms/" + room + "/lock", staff));
        assertThat(unknown.string("state")).isEqualTo("UNKNOWN");
        assertThat(unknown.get("batteryPercent")).isNull();

        expect(204, api.post("/api/v1/rooms/" + room + "/unlock", staff, null));
        // A battery report without a bolt state keeps the state last reported.
        clock.advance(Duration.ofMinutes(1));
        locks.reportBattery(new LockId(lock), 15);
        Api.Answer known = expect(200, api.get("/api/v1/rooms/" + room + "/lock", staff));
        assertThat(known.string("lockId")).isEqualTo(lock);
        assertThat(known.string("state")).isEqualTo("UNLOCKED");
        assertThat(known.string("stateAt")).isEqualTo(at("10:00").toString());
        assertThat(((Number) known.get("batteryPercent")).intValue()).isEqualTo(15);
        assertThat(known.string("batteryAt")).isEqualTo(at("10:01").toString());
    }

    @Test
    void the_door_endpoints_are_for_staff_only() {
        long room = room("Room A", "lock-" + unique, true, null);
        List<String[]> endpoints = List.of(
                new String[] {"POST", "/api/v1/rooms/" + room + "/unlock"},
                new String[] {"GET", "/api/v1/rooms/" + room + "/lock"},
                new String[] {"GET", "/api/v1/alerts"},
                new String[] {"POST", "/api/v1/alerts/1/acknowledge"},
                new String[] {"POST", "/api/v1/rooms/" + room + "/lock/keypad"});
        for (String[] endpoint : endpoints) {
            Api.Answer anonymous = api.send(endpoint[0], endpoint[1], null, null);
            assertThat(anonymous.status()).as(endpoint[1] + " anonymous").isEqualTo(401);
            assertThat(anonymous.problem()).isEqualTo("urn:suoja:problem:not-logged-in");
            Api.Answer fromKiosk = api.send(endpoint[0], endpoint[1], kiosk, null);
            assertThat(fromKiosk.status()).as(endpoint[1] + " from a kiosk").isEqualTo(403);
            assertThat(fromKiosk.problem()).isEqualTo("urn:suoja:problem:not-allowed");
        }
        assertThat(api.post("/api/v1/alerts/999999/acknowledge", staff, null).status()).isEqualTo(404);
        long bare = room("Room C", null, false, null);
        assertThat(api.post("/api/v1/rooms/" + bare + "/unlock", staff, null).status()).isEqualTo(404);
    }
}
