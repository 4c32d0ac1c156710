package fi.suoja.hardware.mqtt;

/**
 * What the server can tell an agent to do. Parameters ({@link Command#params()}):
 * START_SESSION {@code until} (ISO instant); WARN {@code minutesLeft}; WIPE {@code jobId};
 * END_SESSION, LOCK and PING none.
 */
public enum CommandType {
    START_SESSION, WARN, END_SESSION, WIPE, LOCK, PING
}
