package fi.suoja.server.device;

/** A wipe job: QUEUED → SENT → ACKED → SUCCEEDED / FAILED / TIMED_OUT. Only a RESULT finishes it. */
public enum WipeJobState {
    QUEUED, SENT, ACKED, SUCCEEDED, FAILED, TIMED_OUT
}
