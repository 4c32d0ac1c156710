package fi.suoja.hardware.sign;

/** The free / busy lights by the room doors. */
public interface RoomSign {

    SignResult show(SignId sign, SignState state);
}
