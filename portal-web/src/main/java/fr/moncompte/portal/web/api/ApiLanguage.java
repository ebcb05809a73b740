package fr.moncompte.portal.web.api;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/** The language of the API's messages: the first of French and English the caller accepts, French otherwise. */
public final class ApiLanguage {

    /** Longer than any browser sends; past it the header is not parsed at all. */
    static final int MAXIMUM_HEADER = 500;

    private ApiLanguage() {
    }

    /**
     * A malformed {@code Accept-Language} ({@code fr;q=abc}, or thousands of characters) makes JAX-RS throw: the
     * answer is then in French, as for no header, rather than an error about a header nobody reads.
     */
    public static Locale of(HttpHeaders headers) {
        try {
            return of(headers.getAcceptableLanguages());
        } catch (RuntimeException malformed) {
            return Locale.FRENCH;
        }
    }

    public static Locale of(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("fr") || locale.getLanguage().equals("en")) {
                return Locale.forLanguageTag(locale.getLanguage());
            }
        }
        return Locale.FRENCH;
    }

    /** For the servlets outside JAX-RS, and filters: the value of an {@code Accept-Language} header, or null. */
    public static Locale ofHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAXIMUM_HEADER) {
            return Locale.FRENCH;
        }
        try {
            return of(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange())).toList());
        } catch (IllegalArgumentException malformed) {
            return Locale.FRENCH;
        }
    }
}
