package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.account.control.EmailAddress;
import fr.moncompte.portal.domain.account.control.PhoneNumber;
import fr.moncompte.portal.domain.organisation.entity.CompanyDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a company's edited data field by field (SPEC §4 rule 8) and returns it cleaned: trimmed, identifiers
 * without spaces, phone in E.164. Every problem is reported at once, each with its field, so that the form marks
 * them all and keeps everything typed.
 */
public final class CompanyChecks {

    private CompanyChecks() {
    }

    /** @throws FieldsRefused with every problem found, each named by its field in {@link CompanyDetails} */
    public static CompanyDetails check(CompanyDetails typed, String siren) {
        List<Problem> problems = new ArrayList<>();
        String legalName = required(typed.legalName(), 200, "legalName", "companies.legalName.required", problems);
        String legalForm = required(typed.legalForm(), 20, "legalForm", "companies.legalForm.required", problems);
        String siret = checked(() -> CompanyIdentifiers.siret(typed.siret(), siren), "siret", problems);
        String vat = checked(() -> CompanyIdentifiers.vatNumber(typed.vatNumber(), siren), "vatNumber", problems);
        String address = optional(typed.addressLine(), 200, "addressLine", problems);
        String postalCode = optional(typed.postalCode(), 10, "postalCode", problems);
        if (postalCode != null && !postalCode.matches("\\d{5}")) {
            problems.add(new Problem("postalCode", "companies.postalCode.invalid"));
        }
        String city = optional(typed.city(), 100, "city", problems);
        String email = typed.contactEmail() == null || typed.contactEmail().isBlank() ? null
                : checked(() -> EmailAddress.normalise(typed.contactEmail()), "contactEmail", problems);
        String phone = checked(() -> PhoneNumber.normalise(typed.contactPhone()), "contactPhone", problems);
        if (!problems.isEmpty()) {
            throw new FieldsRefused(problems);
        }
        return new CompanyDetails(legalName, legalForm, siret, vat, address, postalCode, city, email, phone);
    }

    private static String required(String typed, int max, String field, String key, List<Problem> problems) {
        String value = optional(typed, max, field, problems);
        if (value == null) {
            problems.add(new Problem(field, key));
        }
        return value;
    }

    private static String optional(String typed, int max, String field, List<Problem> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        if (value.length() > max) {
            problems.add(new Problem(field, "companies.tooLong"));
        }
        return value;
    }

    private static String checked(Supplier<String> check, String field, List<Problem> problems) {
        try {
            return check.get();
        } catch (PortalException refused) {
            problems.add(new Problem(field, refused.messageKey()));
            return null;
        }
    }
}
