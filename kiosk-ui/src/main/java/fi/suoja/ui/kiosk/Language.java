package fi.suoja.ui.kiosk;

import java.util.Locale;

/** The kiosk's eight languages, each named in itself on its button. */
public enum Language {
    FI("fi", "suomi"),
    SV("sv", "svenska"),
    EN("en", "English"),
    RU("ru", "русский"),
    ET("et", "eesti"),
    AR("ar", "العربية"),
    SO("so", "soomaali"),
    UK("uk", "українська");

    /** The language a new visitor finds the kiosk in. */
    public static final Language FIRST = FI;

    private final String tag;
    private final String ownName;

    Language(String tag, String ownName) {
        this.tag = tag;
        this.ownName = ownName;
    }

    public String tag() {
        return tag;
    }

    public String ownName() {
        return ownName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public boolean rightToLeft() {
        return this == AR;
    }

    public static Language of(Locale locale) {
        for (Language language : values()) {
            if (language.tag.equals(locale.getLanguage())) {
                return language;
            }
        }
        return FIRST;
    }
}
