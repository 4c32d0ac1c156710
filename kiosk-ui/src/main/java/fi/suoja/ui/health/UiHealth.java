package fi.suoja.ui.health;

import fi.suoja.ui.KioskConfig;
import fi.suoja.ui.WarmUp;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /health} of the kiosk UI, for the same monitoring that reads the server's
 * {@code /health}: {@code UP} (200) when this UI server answers and the kiosk server it books
 * through says it is up, {@code DOWN} (503) with the reason otherwise, {@code "kioskUi":"STARTING"}
 * while it opens its kiosk page once as it starts ({@link WarmUp}). It says nothing else: no
 * versions, no addresses, no tokens.
 */
@WebServlet(urlPatterns = "/health", asyncSupported = true)
public class UiHealth extends HttpServlet {

    static final Duration ASK_WITHIN = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ASK_WITHIN).build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String server = kioskServer(KioskConfig.fromEnvironment().serverUrl());
        boolean starting = WarmUp.warming();
        boolean up = server.equals("UP") && !starting;
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"status\":\"" + (up ? "UP" : "DOWN") + "\","
                + (starting ? "\"kioskUi\":\"STARTING\"," : "") + "\"kioskServer\":\"" + server + "\"}");
    }

    /** UP, DOWN (it answered that it is not up) or UNREACHABLE. */
    String kioskServer(URI serverUrl) {
        try {
            HttpRequest ask = HttpRequest.newBuilder(serverUrl.resolve("/health")).timeout(ASK_WITHIN).GET().build();
            int status = http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? "UP" : "DOWN";
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }
}
