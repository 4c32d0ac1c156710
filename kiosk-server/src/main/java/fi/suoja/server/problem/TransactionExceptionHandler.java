package fi.suoja.server.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;

/** A unique key that refuses a row only at commit: the same answer as {@link DatabaseExceptionHandler}. */
@Singleton
class TransactionExceptionHandler implements ExceptionHandler<TransactionException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, TransactionException exception) {
        return DatabaseExceptionHandler.answer(request, exception);
    }
}
