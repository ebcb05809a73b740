package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.access.boundary.NewUser;
import fr.moncompte.portal.domain.access.control.NewUserChecks;
import fr.moncompte.portal.domain.account.control.EmailAddress;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.organisation.boundary.NewAdministrator;
import fr.moncompte.portal.domain.organisation.boundary.NewCompany;
import fr.moncompte.portal.domain.organisation.boundary.NewCustomer;
import fr.moncompte.portal.domain.organisation.boundary.NewFirm;
import fr.moncompte.portal.domain.organisation.entity.CompanyDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks what an operator types to create a customer, a company or a firm (issue 21), every problem at once with its
 * field: the field names are flat ({@code name}, {@code siren}, {@code legalName}, {@code firstName}, {@code email}…)
 * so that one form marks them all. A company's fields are checked as its administrators' edits are
 * ({@link CompanyChecks}); the administrator's as a new user's ({@link NewUserChecks}).
 */
public final class OnboardingChecks {

    static final int NAME_LENGTH = 200;

    private OnboardingChecks() {
    }

    /** @throws FieldsRefused with every problem found */
    public static NewCustomer check(NewCustomer typed) {
        List<Problem> problems = new ArrayList<>();
        String name = name(typed.name(), problems);
        String billingEmail = optionalEmail(typed.billingEmail(), "billingEmail", problems);
        NewCompany company = company(typed.company(), problems);
        NewAdministrator administrator = administrator(typed.administrator(), problems);
        refuseIfAny(problems);
        return new NewCustomer(name, language(typed.billingLanguage()), billingEmail, company, administrator);
    }

    /** @throws FieldsRefused with every problem found */
    public static NewCompany check(NewCompany typed) {
        List<Problem> problems = new ArrayList<>();
        NewCompany company = company(typed, problems);
        refuseIfAny(problems);
        return company;
    }

    /** @throws FieldsRefused with every problem found */
    public static NewFirm check(NewFirm typed) {
        List<Problem> problems = new ArrayList<>();
        String name = name(typed.name(), problems);
        String siren = siren(typed.siren(), problems);
        String vat = null;
        if (siren != null) {
            try {
                vat = CompanyIdentifiers.vatNumber(typed.vatNumber(), siren);
            } catch (PortalException refused) {
                problems.add(new Problem("vatNumber", refused.messageKey()));
            }
        }
        // The address is checked as a company's is; the firm has no legal form to ask for.
        CompanyDetails address = details(new CompanyDetails(name == null ? "-" : name, "-", null, null,
                typed.addressLine(), typed.postalCode(), typed.city(), typed.contactEmail(), null), null, problems);
        NewAdministrator administrator = administrator(typed.administrator(), problems);
        refuseIfAny(problems);
        return new NewFirm(name, siren, vat, address.addressLine(), address.postalCode(), address.city(),
                address.contactEmail(), language(typed.billingLanguage()), administrator);
    }

    /** @throws FieldsRefused with every problem found */
    public static NewAdministrator check(NewAdministrator typed) {
        List<Problem> problems = new ArrayList<>();
        NewAdministrator administrator = administrator(typed, problems);
        refuseIfAny(problems);
        return administrator;
    }

    private static NewCompany company(NewCompany typed, List<Problem> problems) {
        String siren = siren(typed.siren(), problems);
        CompanyDetails typedDetails = typed.details();
        if (siren == null) {
            // Without a valid SIREN the SIRET and VAT number cannot be checked against it: only its own error shows.
            typedDetails = new CompanyDetails(typed.legalName(), typed.legalForm(), null, null, typed.addressLine(),
                    typed.postalCode(), typed.city(), typed.contactEmail(), typed.contactPhone());
        }
        CompanyDetails details = details(typedDetails, siren, problems);
        return new NewCompany(siren, details.legalName(), details.legalForm(), details.siret(), details.vatNumber(),
                details.addressLine(), details.postalCode(), details.city(), details.contactEmail(),
                details.contactPhone());
    }

    private static CompanyDetails details(CompanyDetails typed, String siren, List<Problem> problems) {
        try {
            return CompanyChecks.check(typed, siren);
        } catch (FieldsRefused refused) {
            problems.addAll(refused.problems());
            return typed;
        }
    }

    private static NewAdministrator administrator(NewAdministrator typed, List<Problem> problems) {
        NewAdministrator given = typed == null ? new NewAdministrator(null, null, null, null) : typed;
        try {
            NewUser checked = NewUserChecks.check(new NewUser(given.firstName(), given.lastName(), given.email(),
                    given.language(), 0, Set.of(), true));
            return new NewAdministrator(checked.firstName(), checked.lastName(), checked.email(), checked.language());
        } catch (FieldsRefused refused) {
            problems.addAll(refused.problems());
            return given;
        }
    }

    private static String name(String typed, List<Problem> problems) {
        if (typed == null || typed.isBlank()) {
            problems.add(new Problem("name", "onboarding.name.required"));
            return null;
        }
        String name = typed.strip().replaceAll("\\s+", " ");
        if (name.length() > NAME_LENGTH) {
            problems.add(new Problem("name", "companies.tooLong"));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new Problem("name", "users.name.invalid"));
        }
        return name;
    }

    private static String siren(String typed, List<Problem> problems) {
        try {
            return CompanyIdentifiers.siren(typed);
        } catch (PortalException refused) {
            problems.add(new Problem("siren", typed == null || typed.isBlank() ? "onboarding.siren.required"
                    : refused.messageKey()));
            return null;
        }
    }

    private static String optionalEmail(String typed, String field, List<Problem> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return EmailAddress.normalise(typed);
        } catch (PortalException refused) {
            problems.add(new Problem(field, refused.messageKey()));
            return null;
        }
    }

    private static Language language(Language typed) {
        return typed == null ? Language.DEFAULT : typed;
    }

    private static void refuseIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new FieldsRefused(problems);
        }
    }
}
