package fi.suoja.server.work;

/** A row of durable work: how many tries it has had, and what it is in a log line. */
public interface WorkRow {

    /** Tries claimed so far. */
    int attempts();

    /** The row in a log line: what it is, of what. */
    String describe();
}
