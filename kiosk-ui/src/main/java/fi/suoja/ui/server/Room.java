package fi.suoja.ui.server;

/** A room of a library as the staff desk lists it; {@code doorLockId} is null when its door has no lock of ours. */
public record Room(long id, String name, String place, String doorLockId) {

    public boolean hasLock() {
        return doorLockId != null;
    }
}
