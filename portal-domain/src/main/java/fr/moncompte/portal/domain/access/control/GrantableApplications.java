package fr.moncompte.portal.domain.access.control;

import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC §4 rule 2, in one place for granting and for user creation: the applications access can be granted to on a
 * company are those configured on it and not ended today (in the portal's time zone), one per application — its
 * latest subscription — by code. Scope is the calling boundary's business.
 */
@Dependent
public class GrantableApplications {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    public List<ConfiguredApplication> on(long companyId) {
        LocalDate today = LocalDate.now(clock);
        Map<String, ConfiguredApplication> byCode = new LinkedHashMap<>();
        em.createQuery("""
                        select cfg from ConfiguredApplication cfg join fetch cfg.application
                        where cfg.company.id = :companyId order by cfg.startDate desc""", ConfiguredApplication.class)
                .setParameter("companyId", companyId).getResultStream()
                .filter(configured -> !configured.hasEndedBy(today))
                .forEach(configured -> byCode.putIfAbsent(configured.getApplication().getCode(), configured));
        return byCode.values().stream()
                .sorted(Comparator.comparing(configured -> configured.getApplication().getCode())).toList();
    }

    public Optional<ConfiguredApplication> find(long companyId, String applicationCode) {
        return on(companyId).stream()
                .filter(configured -> configured.getApplication().getCode().equals(applicationCode)).findFirst();
    }
}
