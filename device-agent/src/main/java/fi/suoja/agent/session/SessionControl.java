package fi.suoja.agent.session;

import java.time.Instant;

/** The guest session on the loan device, one implementation per way of running it. */
public interface SessionControl {

    /** Lets a guest use the device until {@code until}; called again, it moves the end. */
    void start(Instant until) throws SessionException;

    /** Tells the guest the session ends in {@code minutesLeft} minutes. */
    void warn(int minutesLeft) throws SessionException;

    /** Ends the guest session; a device without a session is fine. */
    void end() throws SessionException;

    /** Locks the device so that no guest can use it. */
    void lock() throws SessionException;
}
