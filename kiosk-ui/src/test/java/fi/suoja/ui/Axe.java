package fi.suoja.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * axe-core's script for the browser tests' accessibility audits, from Deque's own Maven artifact
 * ({@code com.deque.html.axe-core:selenium}, the newest axe-core on Maven Central; only its
 * {@code axe.min.js} is used, none of its Java code).
 */
public final class Axe {

    static final String SCRIPT = "/axe.min.js";

    private Axe() {
    }

    /** The script; fails the test with what to add when the test dependency is missing. */
    public static String source() {
        try (InputStream in = Axe.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new AssertionError("axe-core is not on the test class path at " + SCRIPT
                        + ": the test dependency com.deque.html.axe-core:selenium is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the script says it is, e.g. "4.11.1". */
    public static String version(String source) {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("axe v([0-9.]+)").matcher(source);
        return version.find() ? version.group(1) : "unknown";
    }
}
