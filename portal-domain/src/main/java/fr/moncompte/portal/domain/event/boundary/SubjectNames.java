package fr.moncompte.portal.domain.event.boundary;

import fr.moncompte.portal.domain.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What a notification says about the subjects of an event, which carries only their ids: a company's name and an
 * application's name in each language. For the notifications module only, which runs as {@link Roles#SYSTEM}.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class SubjectNames {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    // Names are read as values, not entities: a burst of events about the same few companies and applications
    // otherwise has every consumer queue on the shared cache's locks to copy the same entity into its context.

    /** The company's legal name, or its id in words when it no longer exists. */
    public String company(long companyId) {
        return em.createQuery("select c.legalName from Company c where c.id = :id", String.class)
                .setParameter("id", companyId).getResultStream().findFirst()
                .orElse("#" + companyId);
    }

    /** A person's first and last names, or their id in words when the account no longer exists. */
    public String person(long accountId) {
        return em.createQuery("select a.firstName, a.lastName from UserAccount a where a.id = :id", Object[].class)
                .setParameter("id", accountId).getResultStream().findFirst()
                .map(names -> names[0] + " " + names[1])
                .orElse("#" + accountId);
    }

    /** The application's names (French, English); its code for both when the catalogue no longer has it. */
    public ApplicationName application(String code) {
        return em.createQuery("select a.nameFr, a.nameEn from Application a where a.code = :code", Object[].class)
                .setParameter("code", code).getResultStream().findFirst()
                .map(names -> new ApplicationName((String) names[0], (String) names[1]))
                .orElse(new ApplicationName(code, code));
    }

    /** An application's name as each language writes it. */
    public record ApplicationName(String french, String english) {
    }
}
