package fi.suoja.server.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Makes every error the framework produces (bad JSON, failed validation, unknown route, 401/403
 * from security) a problem+json document with a stable type, like our own errors.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.getStatus().getCode();
        ProblemType type = ProblemType.forStatus(status);
        if (status == 400 && isUnreadableBody(context)) {
            type = ProblemType.MALFORMED_BODY;
        }
        List<String> errors = null;
        String detail;
        if (type == ProblemType.SERVER_ERROR) {
            // Never show internals; they are in the server log.
            detail = "Please try again. If it keeps happening, ask staff.";
        } else {
            List<String> messages = refusedValue(context)
                    .map(List::of)
                    .orElseGet(() -> context.getErrors().stream().map(Error::getMessage).toList());
            detail = messages.isEmpty() ? type.title() : String.join("; ", messages);
            errors = messages.size() > 1 ? messages : null;
        }
        Problem problem = new Problem(type.uri(), type.title(), status, detail, null, errors);
        return response.body(problem).contentType(MediaType.of(Problem.MEDIA_TYPE));
    }

    /** The sentence of a {@link RefusedValue} behind the error, without the framework's wrapping. */
    private static Optional<String> refusedValue(ErrorContext context) {
        for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedValue refused) {
                return Optional.of(refused.getMessage());
            }
        }
        return Optional.empty();
    }

    /** A JSON error, or a value that did not convert while a body was sent (not a bad query parameter). */
    private static boolean isUnreadableBody(ErrorContext context) {
        boolean bodySent = context.getRequest().getContentLength() > 0
                || context.getRequest().getHeaders().contains("Transfer-Encoding");
        return context.getRootCause()
                .map(cause -> {
                    for (Throwable t = cause; t != null; t = t.getCause()) {
                        String name = t.getClass().getName();
                        if (name.contains("Json") || name.contains("Serde") || (bodySent && name.contains("ConversionError"))) {
                            return true;
                        }
                    }
                    return false;
                })
                .orElse(false);
    }
}
