package fi.suoja.server.problem;

import fi.suoja.server.db.SqlErrors;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unique key that refused a row is someone else's creation that won a race (two admins, a
 * double click, a retrying client): 409 already-exists, for every create path at once. The
 * check before the insert that most services make answers the slow case; this one the race.
 * Anything else the database refused is a fault of ours: 500, logged, no internals shown.
 */
@Singleton
class DatabaseExceptionHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
        return answer(request, exception);
    }

    static HttpResponse<Problem> answer(HttpRequest<?> request, RuntimeException exception) {
        if (SqlErrors.isUniqueViolation(exception)) {
            LOG.info("{} {} lost a race for a unique key: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return problem(Problem.of(ProblemType.ALREADY_EXISTS,
                    "This exists already, or was made at the same moment by someone else."), ProblemType.ALREADY_EXISTS);
        }
        LOG.error("{} {} failed in the database", request.getMethod(), request.getPath(), exception);
        return problem(Problem.of(ProblemType.SERVER_ERROR, "Please try again. If it keeps happening, ask staff."),
                ProblemType.SERVER_ERROR);
    }

    private static HttpResponse<Problem> problem(Problem problem, ProblemType type) {
        return HttpResponse.<Problem>status(type.status()).body(problem).contentType(MediaType.of(Problem.MEDIA_TYPE));
    }
}
