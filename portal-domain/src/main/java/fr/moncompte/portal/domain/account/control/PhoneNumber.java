package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.PortalException;

import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 ("+33612345678"): a plus sign, a country code, up to 15 digits in all. People may type
 * spaces, dots, dashes or brackets; a French national number ("06 12 34 56 78") is read as +33.
 */
public final class PhoneNumber {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

    private PhoneNumber() {
    }

    /**
     * @return the number in E.164, or null when nothing was typed
     * @throws PortalException {@code phone.invalid} when it cannot be read as one
     */
    public static String normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String compact = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        } else if (compact.matches("0[1-9]\\d{8}")) {
            compact = "+33" + compact.substring(1);
        }
        if (!E164.matcher(compact).matches()) {
            throw new PortalException("phone.invalid");
        }
        return compact;
    }
}
