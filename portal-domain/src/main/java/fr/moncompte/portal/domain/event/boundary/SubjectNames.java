package fr.moncompte.portal.domain.event.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.organisation.entity.Company;
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

    /** The company's legal name, or its id in words when it no longer exists. */
    public String company(long companyId) {
        Company company = em.find(Company.class, companyId);
        return company == null ? "#" + companyId : company.getLegalName();
    }

    /** The application's names (French, English); its code for both when the catalogue no longer has it. */
    public ApplicationName application(String code) {
        return em.createQuery("select a from Application a where a.code = :code", Application.class)
                .setParameter("code", code).getResultStream().findFirst()
                .map(application -> new ApplicationName(application.getNameFr(), application.getNameEn()))
                .orElse(new ApplicationName(code, code));
    }

    /** An application's name as each language writes it. */
    public record ApplicationName(String french, String english) {
    }
}
