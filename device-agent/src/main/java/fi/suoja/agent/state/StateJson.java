package fi.suoja.agent.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * JSON for the state files. Not {@code Wire}: the wire refuses messages over 64 KiB, and the memory
 * of a thousand commands can be larger than one message.
 */
final class StateJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private StateJson() {
    }

    static byte[] write(Object value) throws IOException {
        return JSON.writeValueAsBytes(value);
    }

    static <T> T read(byte[] content, Class<T> type) throws IOException {
        T value = JSON.readValue(content, type);
        if (value == null) {
            throw new IOException("empty");
        }
        return value;
    }
}
