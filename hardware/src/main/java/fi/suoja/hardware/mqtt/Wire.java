package fi.suoja.hardware.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON on the wire: UTF-8, instants as ISO-8601 strings, unknown fields ignored (so newer senders
 * can add fields), messages over {@link #MAX_MESSAGE_BYTES} refused before parsing.
 */
public final class Wire {

    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Wire() {
    }

    /** A message that cannot be read; says why in words fit for a log line and a REJECTED event. */
    public static final class MalformedMessage extends Exception {
        public MalformedMessage(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    public static byte[] encode(Object message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T decode(byte[] payload, Class<T> type) throws MalformedMessage {
        if (payload == null || payload.length == 0) {
            throw new MalformedMessage("empty message", null);
        }
        if (payload.length > MAX_MESSAGE_BYTES) {
            throw new MalformedMessage("message of " + payload.length + " bytes is over the limit of " + MAX_MESSAGE_BYTES, null);
        }
        try {
            T value = JSON.readValue(payload, type);
            if (value == null) {
                throw new MalformedMessage("message is null", null);
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessage("not a valid " + type.getSimpleName() + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
