package fi.suoja.server.problem;

import io.micronaut.serde.exceptions.SerdeException;

/**
 * A value of a request body that the API does not take (a fraction for a whole number, a control
 * character in a text). Its message is a plain sentence, shown as the problem's detail.
 */
public class RefusedValue extends SerdeException {

    public RefusedValue(String sentence) {
        super(sentence);
    }
}
