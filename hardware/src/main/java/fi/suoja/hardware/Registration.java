package fi.suoja.hardware;

/** A listener's registration with a device: {@link #remove()} stops the calls. Removing twice is harmless. */
@FunctionalInterface
public interface Registration {

    void remove();
}
