package fr.moncompte.portal.domain.account.entity;

import java.util.Locale;

/** The interface languages; pages, mails and documents follow the person's choice. French is the default. */
public enum Language {
    FR, EN;

    public static final Language DEFAULT = FR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The language for a code such as "en" or "en-GB"; anything unknown falls back to French. */
    public static Language fromCode(String code) {
        if (code != null) {
            for (Language language : values()) {
                if (code.toLowerCase(Locale.ROOT).startsWith(language.code())) {
                    return language;
                }
            }
        }
        return DEFAULT;
    }
}
