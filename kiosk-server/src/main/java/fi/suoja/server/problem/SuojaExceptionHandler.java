package fi.suoja.server.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The one place where domain errors become HTTP responses. */
@Singleton
class SuojaExceptionHandler implements ExceptionHandler<SuojaException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, SuojaException exception) {
        return HttpResponse.<Problem>status(exception.type().status())
                .body(exception.toProblem())
                .contentType(MediaType.of(Problem.MEDIA_TYPE));
    }
}
