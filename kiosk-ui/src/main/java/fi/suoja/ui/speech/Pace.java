package fi.suoja.ui.speech;

/** How fast a text is said: codes are spelled slowly, one character at a time. */
public enum Pace {
    NORMAL(150),
    SLOW(100);

    private final int wordsPerMinute;

    Pace(int wordsPerMinute) {
        this.wordsPerMinute = wordsPerMinute;
    }

    public int wordsPerMinute() {
        return wordsPerMinute;
    }
}
