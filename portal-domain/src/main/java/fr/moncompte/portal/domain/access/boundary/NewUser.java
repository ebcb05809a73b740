package fr.moncompte.portal.domain.access.boundary;

import fr.moncompte.portal.domain.account.entity.Language;

import java.util.Set;

/**
 * A user as an administrator creates one (SPEC §3, the round "+" button): who, in which language, in which company,
 * with which applications on it, and whether they administer the company's account.
 */
public record NewUser(String firstName, String lastName, String email, Language language, long companyId,
                      Set<String> applications, boolean administrator) {

    public NewUser {
        applications = applications == null ? Set.of() : Set.copyOf(applications);
    }
}
