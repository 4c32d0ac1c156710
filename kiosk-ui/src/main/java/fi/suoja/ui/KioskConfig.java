package fi.suoja.ui;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the kiosk is set up, read from system properties or, failing that, environment variables:
 * {@code suoja.server.url} / {@code SUOJA_SERVER_URL} and so on.
 *
 * @param idleSeconds      quiet time before the kiosk asks "Are you still here?"
 * @param stillHereSeconds how long that question waits before the kiosk starts over
 * @param doneSeconds      quiet time after which the screen with a new booking's codes goes back to
 *                         the start, without asking first: the codes are not left for the next person
 */
public record KioskConfig(URI serverUrl, String kioskToken, int idleSeconds, int stillHereSeconds, int doneSeconds, int port) {

    public static final int DONE_SECONDS = 45;

    public KioskConfig {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(kioskToken, "kioskToken");
        if (idleSeconds < 1 || stillHereSeconds < 1 || doneSeconds < 1) {
            throw new IllegalArgumentException("idle times are at least one second");
        }
    }

    /** With the codes of a new booking on the screen for {@link #DONE_SECONDS} at most. */
    public KioskConfig(URI serverUrl, String kioskToken, int idleSeconds, int stillHereSeconds, int port) {
        this(serverUrl, kioskToken, idleSeconds, stillHereSeconds, DONE_SECONDS, port);
    }

    public static KioskConfig fromEnvironment() {
        return from(System.getenv(), System::getProperty);
    }

    static KioskConfig from(Map<String, String> env, Function<String, String> properties) {
        Function<String, String> read = settings(env, properties);
        String url = read.apply("suoja.server.url");
        String token = read.apply("suoja.kiosk.token");
        return new KioskConfig(
                URI.create(url == null ? "http://localhost:8081" : url),
                token == null ? "" : token,
                number(read.apply("suoja.idle.seconds"), 90),
                number(read.apply("suoja.still.here.seconds"), 30),
                number(read.apply("suoja.done.seconds"), DONE_SECONDS),
                number(read.apply("suoja.ui.port"), 8080));
    }

    /**
     * Reads a setting by its property name ({@code suoja.server.url}): the system property if set,
     * else the environment variable of the same name in capitals ({@code SUOJA_SERVER_URL}), else null.
     */
    public static Function<String, String> settings(Map<String, String> env, Function<String, String> properties) {
        return name -> {
            String property = properties.apply(name);
            if (property != null && !property.isBlank()) {
                return property.strip();
            }
            String variable = env.get(name.toUpperCase().replace('.', '_'));
            return variable == null || variable.isBlank() ? null : variable.strip();
        };
    }

    private static int number(String value, int otherwise) {
        return value == null ? otherwise : Integer.parseInt(value);
    }
}
