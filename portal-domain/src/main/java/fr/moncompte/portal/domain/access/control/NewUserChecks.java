package fr.moncompte.portal.domain.access.control;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.access.boundary.NewUser;
import fr.moncompte.portal.domain.account.control.EmailAddress;
import fr.moncompte.portal.domain.account.entity.Language;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a new user's fields (SPEC §4 rule 8) and returns them cleaned, every problem at once with its field name in
 * {@link NewUser}: names required, at most 100 characters, printable; a well-formed e-mail address; French when no
 * language was chosen.
 */
public final class NewUserChecks {

    static final int NAME_LENGTH = 100;

    private NewUserChecks() {
    }

    /** @throws FieldsRefused with every problem found */
    public static NewUser check(NewUser typed) {
        List<Problem> problems = new ArrayList<>();
        String firstName = name(typed.firstName(), "firstName", problems);
        String lastName = name(typed.lastName(), "lastName", problems);
        String email = null;
        try {
            email = EmailAddress.normalise(typed.email());
        } catch (PortalException refused) {
            problems.add(new Problem("email", refused.messageKey()));
        }
        if (!problems.isEmpty()) {
            throw new FieldsRefused(problems);
        }
        return new NewUser(firstName, lastName, email, typed.language() == null ? Language.DEFAULT : typed.language(),
                typed.companyId(), typed.applications(), typed.administrator());
    }

    private static String name(String typed, String field, List<Problem> problems) {
        if (typed == null || typed.isBlank()) {
            problems.add(new Problem(field, "users." + field + ".required"));
            return null;
        }
        String name = typed.strip().replaceAll("\\s+", " ");
        if (name.length() > NAME_LENGTH) {
            problems.add(new Problem(field, "users.name.tooLong"));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(field, "users.name.invalid"));
        }
        return name;
    }
}
