package fr.moncompte.portal.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name as the lists search it: lower case, accents removed ("Lefèvre" → "lefevre"), so that what people type finds
 * what was written. Stored beside the name and indexed; migration V5 folds existing rows the same way.
 */
public final class SearchKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchKey() {
    }

    private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}");

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        // Control characters match no name (and PostgreSQL refuses a NUL in a parameter): they are dropped.
        String typed = CONTROLS.matcher(text).replaceAll("").strip();
        String folded = MARKS.matcher(Normalizer.normalize(typed.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        // As the SQL of V5: one letter for each ligature, so that both sides agree.
        return folded.replace('œ', 'o').replace('æ', 'a');
    }

    /** A LIKE pattern for names starting with what was typed; the typed % and _ are taken literally. */
    public static String prefixPattern(String typed) {
        return of(typed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
