package fi.suoja.server.help;

import fi.suoja.server.Api;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** Help calls through the real HTTP API: a kiosk raises one, staff see, acknowledge and resolve it. */
@MicronautTest(transactional = false)
class HelpCallTest {

    @Inject
    EmbeddedServer server;

    Api api;
    String admin;
    String staff;
    String kiosk;
    long siteId;

    @BeforeEach
    void scene() {
        api = new Api(server);
        Api.Library library = api.library(Api.rules());
        admin = library.admin();
        staff = library.staff();
        siteId = library.siteId();
        kiosk = library.kiosk();
    }

    @Test
    void a_kiosk_raises_a_call_that_staff_see_with_the_kiosk_name() {
        Api.Answer call = expect(201, api.post("/api/v1/help-calls", kiosk, null));

        assertThat(call.string("status")).isEqualTo("OPEN");
        assertThat(call.string("kioskName")).startsWith("Lobby ");
        assertThat(call.number("siteId")).isEqualTo(siteId);
        List<Map<String, Object>> open = expect(200, api.get("/api/v1/help-calls?open=true&siteId=" + siteId, staff)).list();
        assertThat(open).extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(call.number("id"));
    }

    @Test
    void a_second_tap_while_the_call_is_open_does_not_make_a_second_call() {
        long first = expect(201, api.post("/api/v1/help-calls", kiosk, null)).number("id");
        long second = expect(201, api.post("/api/v1/help-calls", kiosk, null)).number("id");

        assertThat(second).isEqualTo(first);
        assertThat(expect(200, api.get("/api/v1/help-calls?siteId=" + siteId, staff)).list()).hasSize(1);
    }

    @Test
    void staff_acknowledge_then_resolve_and_the_call_leaves_the_open_list() {
        long id = expect(201, api.post("/api/v1/help-calls", kiosk, null)).number("id");

        Api.Answer acknowledged = expect(200, api.post("/api/v1/help-calls/" + id + "/acknowledge", staff, null));
        assertThat(acknowledged.string("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.string("acknowledgedBy")).startsWith("staff-");
        assertThat(acknowledged.string("acknowledgedAt")).isNotNull();

        Api.Answer resolved = expect(200, api.post("/api/v1/help-calls/" + id + "/resolve", staff, null));
        assertThat(resolved.string("status")).isEqualTo("RESOLVED");
        assertThat(expect(200, api.get("/api/v1/help-calls?open=true&siteId=" + siteId, staff)).list()).isEmpty();
        assertThat(expect(200, api.get("/api/v1/help-calls?open=false&siteId=" + siteId, staff)).list()).hasSize(1);

        // a late acknowledge from a second staff member changes nothing
        assertThat(expect(200, api.post("/api/v1/help-calls/" + id + "/acknowledge", admin, null)).string("status"))
                .isEqualTo("RESOLVED");
    }

    @Test
    void after_a_call_is_answered_the_kiosk_can_call_again() {
        long first = expect(201, api.post("/api/v1/help-calls", kiosk, null)).number("id");
        expect(200, api.post("/api/v1/help-calls/" + first + "/acknowledge", staff, null));

        long second = expect(201, api.post("/api/v1/help-calls", kiosk, null)).number("id");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void anonymous_callers_get_401() {
        for (String[] call : List.of(new String[] {"POST", "/api/v1/help-calls"}, new String[] {"GET", "/api/v1/help-calls"},
                new String[] {"POST", "/api/v1/help-calls/1/acknowledge"}, new String[] {"POST", "/api/v1/help-calls/1/resolve"})) {
            Api.Answer answer = api.send(call[0], call[1], null, null);
            assertThat(answer.status()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(answer.problem()).isEqualTo("urn:suoja:problem:not-logged-in");
        }
    }

    @Test
    void only_kiosks_raise_calls_and_only_staff_answer_them() {
        assertThat(api.post("/api/v1/help-calls", staff, null).problem()).isEqualTo("urn:suoja:problem:not-allowed");
        assertThat(api.post("/api/v1/help-calls", admin, null).status()).isEqualTo(403);
        long id = expect(201, api.post("/api/v1/help-calls", kiosk, null)).number("id");
        assertThat(api.get("/api/v1/help-calls", kiosk).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/help-calls/" + id + "/acknowledge", kiosk, null).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/help-calls/" + id + "/resolve", kiosk, null).problem()).isEqualTo("urn:suoja:problem:not-allowed");
    }

    @Test
    void an_unknown_call_is_a_clear_404() {
        Api.Answer answer = api.post("/api/v1/help-calls/999999/acknowledge", staff, null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.problem()).isEqualTo("urn:suoja:problem:not-found");
    }
}
