package fi.suoja.ui.web;

import com.github.mvysny.vaadinboot.VaadinBoot;
import fi.suoja.ui.KioskServerProcess;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers an OWASP ASVS level 2 review reads, on real answers of both servers: the kiosk UI
 * (its pages, a static file, an error page, the session cookie) in Jetty as UiMain starts it, and
 * kiosk-server (API JSON, an error, the login, a static file, health).
 */
class WebHeadersTest {

    static TestScene scene;
    static VaadinBoot ui;
    static URI base;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        scene = TestScene.create();
        int port = KioskServerProcess.freePort();
        System.setProperty("suoja.server.url", scene.server.toString());
        System.setProperty("suoja.kiosk.token", scene.kioskToken);
        ui = new VaadinBoot().withPort(port).localhostOnly().openBrowserInDevMode(false);
        ui.start();
        base = URI.create("http://localhost:" + port + "/");
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.stop("header tests done");
        }
    }

    static HttpResponse<String> get(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertHardened(String what, HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'").doesNotContain("*"));
        assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        assertThat(headers.firstValue("Server")).as(what + ": no version banner").isEmpty();
        assertThat(headers.firstValue("X-Powered-By")).as(what).isEmpty();
        assertThat(headers.firstValue("Strict-Transport-Security")).as(what + " over plain HTTP").isEmpty();
    }

    @Test
    void every_kind_of_answer_of_the_ui_server_carries_the_security_headers_and_no_banner() throws Exception {
        for (String path : List.of("", "staff", "staff/admin/audit", "kiosk.css", "staff.css", "no-such-page",
                "VAADIN/no-such-file.js")) {
            HttpResponse<String> answer = get(base.resolve(path), Map.of());
            assertThat(answer.statusCode()).as(path).isIn(200, 302, 404);
            assertHardened("GET /" + path + " (" + answer.statusCode() + ")", answer.headers());
        }
        assertThat(get(base.resolve("VAADIN/no-such-file.js"), Map.of()).statusCode()).as("an error page").isEqualTo(404);
        String csp = get(base, Map.of()).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'").contains("connect-src 'self'").contains("form-action 'self'");
    }

    @Test
    void the_ui_server_answers_its_health_as_up_while_its_kiosk_server_is_up_and_says_nothing_more() throws Exception {
        HttpResponse<String> health = get(base.resolve("health"), Map.of());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"kioskServer\":\"UP\"}");
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(health.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertHardened("GET /health", health.headers());
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_strict() throws Exception {
        HttpResponse<String> page = get(base.resolve("staff"), Map.of());
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).as("the desk's page starts a session").anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).allSatisfy(cookie -> {
            assertThat(cookie).containsIgnoringCase("HttpOnly");
            assertThat(cookie).containsIgnoringCase("SameSite=Strict");
            assertThat(cookie).as("no Secure on plain HTTP, or the kiosk on localhost would lose its session")
                    .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
        });
    }

    @Test
    void every_kind_of_answer_of_the_api_server_carries_the_security_headers_and_no_banner() throws Exception {
        URI api = scene.server;
        Map<String, String> admin = Map.of("Authorization", "Bearer " + scene.admin);
        Map<String, HttpResponse<String>> answers = Map.of(
                "API JSON", get(api.resolve("/api/v1/sites"), admin),
                "error 404", get(api.resolve("/api/v1/rooms/999999"), admin),
                "error 401", get(api.resolve("/api/v1/sites"), Map.of()),
                "static OpenAPI document", get(api.resolve("/openapi/suoja-v1.yml"), Map.of()),
                "health", get(api.resolve("/health"), Map.of()),
                "login", HTTP.send(HttpRequest.newBuilder(api.resolve("/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"wrong-password\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
        answers.forEach((what, answer) -> {
            HttpHeaders headers = answer.headers();
            assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValue(
                    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
            assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(headers.firstValue("Server")).as(what).isEmpty();
            assertThat(headers.firstValue("Strict-Transport-Security")).as(what + " over plain HTTP").isEmpty();
        });
        assertThat(answers.get("API JSON").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answers.get("login").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answers.get("login").statusCode()).isEqualTo(401);
    }
}
