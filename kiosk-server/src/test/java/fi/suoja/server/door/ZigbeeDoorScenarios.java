package fi.suoja.server.door;

import fi.suoja.hardware.broker.BrokerConfig;
import fi.suoja.hardware.broker.PahoBrokerConnection;
import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.LibraryScene;
import fi.suoja.server.TestBroker;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server configured for Zigbee2MQTT keypad locks and MQTT room signs, end to end over a real
 * broker, against a fake Zigbee2MQTT lock that answers as the real bridge does and a sign that
 * reads its retained state. Run over the embedded broker by
 * {@link ZigbeeDoorTest} and over the machine's Mosquitto by {@link ZigbeeDoorOnMosquittoTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ZigbeeDoorScenarios extends LibraryScene implements TestPropertyProvider {

    private final String base = "z2m" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @Inject
    DoorTaskRunner tasks;

    private FakeZigbeeLocks fake;

    /** The keypad tests' library: door codes work from 20 minutes before the booking. */
    @Override
    protected Map<String, Object> rules() {
        return Api.rules("doorCodeLeadMinutes", 20);
    }

    /** The broker the locks are on. */
    abstract String lockBroker();

    /** Settings beyond the fleet's (the embedded test broker). */
    abstract Map<String, String> brokerProperties();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestBroker.serverProperties(TestBroker.newTopicRoot()));
        properties.putAll(brokerProperties());
        properties.put("suoja.hardware.locks", "zigbee2mqtt");
        properties.put("suoja.hardware.zigbee2mqtt.base-topic", base);
        properties.put("suoja.hardware.zigbee2mqtt.answer-timeout", "2s");
        properties.put("suoja.hardware.zigbee2mqtt.attempts", "2");
        properties.put("suoja.hardware.signs", "mqtt");
        properties.put("suoja.hardware.sign-mqtt.topic-prefix", base + "-signs");
        return properties;
    }

    @BeforeAll
    void lock() throws Exception {
        fake = new FakeZigbeeLocks(lockBroker(), base);
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    @Test
    void the_server_turns_an_mqtt_room_sign_busy_and_free_with_retained_messages() throws Exception {
        clock.set(DoorScenarios.at("10:00"));
        Api api = new Api(server);
        String admin = api.loginAdmin();
        long site = api.createSite(admin, "Sign library", Api.rules());
        long room = expect(201, api.post("/api/v1/sites/" + site + "/rooms", admin, Map.of("name", "Room S", "place", "Ground floor",
                "capacity", 2, "stepFree", true, "keypad", false, "roomSignId", "room-s-sign"))).number("id");
        List<Map<String, String>> week = Stream.of(java.time.DayOfWeek.values())
                .map(d -> Map.of("weekday", d.name(), "opens", "08:00", "closes", "20:00")).toList();
        expect(200, api.put("/api/v1/rooms/" + room + "/hours", admin, week));
        expect(201, api.post("/api/v1/bookings", admin, Map.of("roomId", room, "start", DoorScenarios.at("12:00").toString(), "minutes", 60)));

        clock.set(DoorScenarios.at("12:00"));
        tasks.runDue();
        // A sign that starts only now still gets the state: the message is retained.
        assertThat(lastSignMessage()).isEqualTo("{\"state\":\"BUSY\",\"color\":\"red\"}");
        clock.set(DoorScenarios.at("13:00"));
        tasks.runDue();
        assertThat(lastSignMessage()).isEqualTo("{\"state\":\"FREE\",\"color\":\"green\"}");
    }

    @Test
    void the_first_use_of_the_door_code_on_a_zigbee2mqtt_lock_checks_the_booking_in_and_forged_slots_change_nothing() {
        long[] rooms = {DoorScenarios.keypadRoom(api, admin, siteId, "Room K0", "room-k0-door"), DoorScenarios.keypadRoom(api, admin, siteId, "Room K1", "room-k1-door")};
        Api.Answer pranked = expect(201, api.post("/api/v1/bookings", kiosk, Map.of("roomId", rooms[0], "start", DoorScenarios.at("12:00").toString(), "minutes", 60)));
        Api.Answer visited = expect(201, api.post("/api/v1/bookings", kiosk, Map.of("roomId", rooms[1], "start", DoorScenarios.at("12:00").toString(), "minutes", 60)));
        clock.set(DoorScenarios.at("11:40"));
        tasks.runDue();
        int slot = fake.codes("room-k0-door").keySet().iterator().next();

        clock.set(DoorScenarios.at("11:52"));
        // forged or mis-slotted: another slot of the lock, a lock no room has; then the visitor types the code at the other door
        fake.keypadEvent("room-k0-door", slot + 1);
        fake.keypadEvent("no-such-door", slot);
        assertThat(fake.typeOnKeypad("room-k1-door", visited.string("doorCode"))).isTrue();

        Eventually.until("the visitor's booking to be checked in",
                () -> expect(200, api.get("/api/v1/bookings/" + visited.string("code"), admin)).string("status"), "CHECKED_IN"::equals);
        // the locks' reports are taken in the order they came, so the forged ones have been taken by now
        assertThat(expect(200, api.get("/api/v1/bookings/" + pranked.string("code"), admin)).string("status")).isEqualTo("CONFIRMED");
        assertThat(expect(200, api.get("/api/v1/bookings/" + visited.string("code"), admin)).string("checkedInAt"))
                .isEqualTo(DoorScenarios.at("11:52").toString());
    }

    private String lastSignMessage() throws Exception {
        CompletableFuture<String> message = new CompletableFuture<>();
        try (PahoBrokerConnection sign = new PahoBrokerConnection(
                BrokerConfig.anonymous(lockBroker(), "fake-sign-" + UUID.randomUUID()))) {
            sign.subscribe(base + "-signs/room-s-sign/set", 1, (topic, payload, retained) ->
                    message.complete(new String(payload, StandardCharsets.UTF_8)));
            return message.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void the_server_sets_the_code_on_a_zigbee2mqtt_lock_when_the_window_opens_and_removes_it_at_the_end() {
        long room = DoorScenarios.keypadRoom(api, admin, siteId, "Room Z", "room-z-door");
        Api.Answer booking = expect(201, api.post("/api/v1/bookings", admin,
                Map.of("roomId", room, "start", DoorScenarios.at("12:00").toString(), "minutes", 60)));
        String code = booking.string("doorCode");

        clock.set(DoorScenarios.at("11:39:59"));
        tasks.runDue();
        assertThat(fake.codes("room-z-door")).isEmpty();

        clock.set(DoorScenarios.at("11:40"));
        tasks.runDue();
        assertThat(fake.codes("room-z-door")).containsValue(code).hasSize(1);
        int slot = fake.codes("room-z-door").keySet().iterator().next();
        assertThat(slot).isBetween(1, 20);

        clock.set(DoorScenarios.at("12:59:59"));
        tasks.runDue();
        assertThat(fake.code("room-z-door", slot)).isEqualTo(code);

        clock.set(DoorScenarios.at("13:00"));
        tasks.runDue();
        assertThat(fake.codes("room-z-door")).as("commands %s", fake.received()).isEmpty();
        assertThat(fake.received()).hasSize(2);
        assertThat(fake.received().get(1)).contains("\"pin_code\":null").contains("\"user\":" + slot);

        // Staff open the door; the lock's own report of the bolt and battery shows on the room's lock.
        expect(204, api.post("/api/v1/rooms/" + room + "/unlock", admin, null));
        Api.Answer status = expect(200, api.get("/api/v1/rooms/" + room + "/lock", admin));
        assertThat(status.string("state")).isEqualTo("UNLOCKED");
        assertThat(((Number) status.get("batteryPercent")).intValue()).isEqualTo(87);
    }
}
