package fi.suoja.hardware.sign;

/** The colours a sign shows, by name and as RGB hex for lights that take a colour. */
public enum SignColor {
    GREEN("green", "#00C000"),
    RED("red", "#FF0000"),
    AMBER("amber", "#FFA000"),
    BLUE("blue", "#0050FF"),
    WHITE("white", "#FFFFFF");

    private final String wireName;
    private final String hex;

    SignColor(String wireName, String hex) {
        this.wireName = wireName;
        this.hex = hex;
    }

    public String wireName() {
        return wireName;
    }

    public String hex() {
        return hex;
    }
}
