package fi.suoja.server.device;

/**
 * What one entry of a device's history is: a loan, a wipe, or what staff did to the device (marked
 * it faulty, repaired it, retired it). The names are part of the API; the desk words them.
 */
public enum HistoryKind {
    LOAN, WIPE, FAULTY, REPAIRED, RETIRED
}
