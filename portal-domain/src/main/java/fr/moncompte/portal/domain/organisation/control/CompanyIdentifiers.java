package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.PortalException;

import java.util.regex.Pattern;

/**
 * The identifiers of a French company, checked as INSEE and the tax administration define them: the SIREN (9 digits
 * with a Luhn check digit), the SIRET of an establishment (the SIREN, then 5 digits, Luhn over all 14; La Poste's
 * establishments instead have digits summing to a multiple of 5), and the intra-EU VAT number "FR" + a 2-digit key
 * + the SIREN, the key being (12 + 3 × (SIREN mod 97)) mod 97. People may type spaces; what is kept has none.
 */
public final class CompanyIdentifiers {

    /** La Poste's SIREN, whose SIRETs follow their own rule. */
    static final String LA_POSTE = "356000000";

    private static final Pattern SPACES = Pattern.compile("[\\s.\\-]");

    private CompanyIdentifiers() {
    }

    /** @throws PortalException {@code siren.invalid} */
    public static String siren(String typed) {
        String siren = compact(typed);
        if (!siren.matches("\\d{9}") || !luhn(siren)) {
            throw new PortalException("siren.invalid");
        }
        return siren;
    }

    /**
     * @return the SIRET, or null when none was typed (it is optional)
     * @throws PortalException {@code siret.invalid}, or {@code siret.otherCompany} when it is not one of this SIREN's
     */
    public static String siret(String typed, String siren) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String siret = compact(typed);
        boolean valid = siret.matches("\\d{14}")
                && (siret.startsWith(LA_POSTE) ? digitSum(siret) % 5 == 0 : luhn(siret));
        if (!valid) {
            throw new PortalException("siret.invalid");
        }
        if (!siret.startsWith(siren)) {
            throw new PortalException("siret.otherCompany");
        }
        return siret;
    }

    /**
     * @return the VAT number, upper case, or null when none was typed
     * @throws PortalException {@code vat.invalid}, or {@code vat.otherCompany} when its key or SIREN do not match
     */
    public static String vatNumber(String typed, String siren) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String vat = compact(typed).toUpperCase();
        if (!vat.matches("FR\\d{11}")) {
            throw new PortalException("vat.invalid");
        }
        if (!vat.equals(frenchVatNumber(siren))) {
            throw new PortalException("vat.otherCompany");
        }
        return vat;
    }

    /** The French VAT number that goes with a SIREN. */
    public static String frenchVatNumber(String siren) {
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return "FR" + String.format("%02d", key) + siren;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }

    private static String compact(String typed) {
        return typed == null ? "" : SPACES.matcher(typed.strip()).replaceAll("");
    }
}
