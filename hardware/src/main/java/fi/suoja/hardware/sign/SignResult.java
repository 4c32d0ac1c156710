package fi.suoja.hardware.sign;

/** Whether a sign change was sent. A sign that cannot be reached is an answer, never an exception. */
public sealed interface SignResult {

    record Shown() implements SignResult {
    }

    record NotShown(String reason) implements SignResult {
    }
}
