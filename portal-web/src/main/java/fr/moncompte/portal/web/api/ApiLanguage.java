package fr.moncompte.portal.web.api;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/** The language of the API's messages: the first of French and English the caller accepts, French otherwise. */
public final class ApiLanguage {

    private ApiLanguage() {
    }

    public static Locale of(HttpHeaders headers) {
        return of(headers.getAcceptableLanguages());
    }

    public static Locale of(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("fr") || locale.getLanguage().equals("en")) {
                return Locale.forLanguageTag(locale.getLanguage());
            }
        }
        return Locale.FRENCH;
    }

    /** For the servlets outside JAX-RS: the value of an {@code Accept-Language} header, or null. */
    public static Locale ofHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
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
