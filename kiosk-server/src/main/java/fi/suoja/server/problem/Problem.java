package fi.suoja.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code rule} names the broken booking rule for
 * {@link ProblemType#BOOKING_RULE}; {@code errors} lists invalid fields; {@code state} and
 * {@code reason} tell a device's state and why it is in it, for the device problems.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String rule,
        @Nullable List<String> errors,
        @Nullable String state,
        @Nullable String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Creator
    public Problem {
    }

    public Problem(String type, String title, int status, @Nullable String detail, @Nullable String rule, @Nullable List<String> errors) {
        this(type, title, status, detail, rule, errors, null, null);
    }

    public static Problem of(ProblemType type, @Nullable String detail) {
        return new Problem(type.uri(), type.title(), type.status().getCode(), detail, null, null);
    }
}
