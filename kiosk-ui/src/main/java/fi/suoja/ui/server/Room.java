package fi.suoja.ui.server;

/**
 * A room of a library as the staff desk lists it; {@code doorLockId} is null when its door has no
 * lock of ours. {@code name} and {@code place} are the library's first language's.
 */
public record Room(long id, String name, String place, RoomTexts texts, String doorLockId) {

    /** The room's name for a reader of {@code language}. */
    public String name(String language) {
        return texts.name(language);
    }

    public boolean hasLock() {
        return doorLockId != null;
    }
}
