package fi.suoja.hardware.door;

/** How a command to a lock went. A lock that does not answer is an answer too, never an exception. */
public sealed interface LockResult {

    /** The lock confirmed the command. */
    record Done() implements LockResult {
    }

    /** The lock, or its bridge, said no: a full code memory, a slot it does not have, a jammed bolt. */
    record Refused(String reason) implements LockResult {
    }

    /** No confirmation came within the timeout, after every attempt; the command may or may not have taken effect. */
    record NoAnswer(String reason, int attempts) implements LockResult {
    }
}
