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

    /**
     * The locale texts are translated and numbers formatted in. Every language writes its digits
     * 0–9 here, Arabic too ({@code ar-u-nu-latn}: without it Java writes counts such as "٣٠ دقيقة"
     * in Arabic-Indic digits beside times "14:00" in Western ones). One style on every screen, and
     * the Western one because codes are typed on a keypad and locks whose keys show 0–9.
     */
    public Locale locale() {
        return this == AR ? Locale.forLanguageTag("ar-u-nu-latn") : Locale.forLanguageTag(tag);
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
