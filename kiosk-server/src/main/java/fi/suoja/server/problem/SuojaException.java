package fi.suoja.server.problem;

import io.micronaut.core.annotation.Nullable;

/**
 * A failure the caller can understand and act on. Services throw it; one handler turns it into
 * problem+json. {@code detail} is a plain sentence, never internals.
 */
public class SuojaException extends RuntimeException {

    private final ProblemType type;
    private final String rule;

    public SuojaException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public SuojaException(ProblemType type, String detail, @Nullable String rule) {
        super(detail);
        this.type = type;
        this.rule = rule;
    }

    public ProblemType type() {
        return type;
    }

    @Nullable
    public String rule() {
        return rule;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status().getCode(), getMessage(), rule, null);
    }

    public static SuojaException notFound(String what) {
        return new SuojaException(ProblemType.NOT_FOUND, what + " was not found.");
    }

    public static SuojaException invalid(String detail) {
        return new SuojaException(ProblemType.INVALID_REQUEST, detail);
    }
}
