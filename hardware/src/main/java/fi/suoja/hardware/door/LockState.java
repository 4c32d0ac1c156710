package fi.suoja.hardware.door;

/** Where the bolt is, as the lock reports it. */
public enum LockState { LOCKED, UNLOCKED, NOT_FULLY_LOCKED, UNKNOWN }
