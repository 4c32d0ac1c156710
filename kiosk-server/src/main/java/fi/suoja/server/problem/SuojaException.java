package fi.suoja.server.problem;

import io.micronaut.core.annotation.Nullable;

/**
 * A failure the caller can understand and act on. Services throw it; one handler turns it into
 * problem+json. {@code detail} is a plain sentence, never internals.
 */
public class SuojaException extends RuntimeException {

    private final ProblemType type;
    private final String rule;
    private final String state;
    private final String reason;

    public SuojaException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public SuojaException(ProblemType type, String detail, @Nullable String rule) {
        this(type, detail, rule, null, null);
    }

    /** With the state of the thing the request was about, and why it is in that state. */
    public SuojaException(ProblemType type, String detail, @Nullable String rule, @Nullable String state, @Nullable String reason) {
        super(detail);
        this.type = type;
        this.rule = rule;
        this.state = state;
        this.reason = reason;
    }

    public ProblemType type() {
        return type;
    }

    @Nullable
    public String rule() {
        return rule;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status().getCode(), getMessage(), rule, null, state, reason);
    }

    public static SuojaException notFound(String what) {
        return new SuojaException(ProblemType.NOT_FOUND, what + " was not found.");
    }

    public static SuojaException invalid(String detail) {
        return new SuojaException(ProblemType.INVALID_REQUEST, detail);
    }
}
