package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.entity.AccountKind;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles of SPEC §1 as the database holds them now: administrators of a client's account, of a firm's account,
 * operators; everybody is a user. Read at sign-in and again at every request of a session, so that a role taken
 * away (or a forged session) gives nothing from the next click on.
 */
@Dependent
public class CallerRoles {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    public Set<String> of(UserAccount account) {
        Set<String> roles = new HashSet<>();
        roles.add(Roles.USER);
        if (account.isOperator()) {
            roles.add(Roles.OPERATOR);
        }
        List<AccountKind> administered = em.createQuery("""
                        select distinct c.kind from CustomerAccount c join c.administrators a
                        where a.id = :accountId""", AccountKind.class)
                .setParameter("accountId", account.getId())
                .getResultList();
        if (administered.contains(AccountKind.CLIENT)) {
            roles.add(Roles.CLIENT_ADMIN);
        }
        if (administered.contains(AccountKind.FIRM)) {
            roles.add(Roles.FIRM_ADMIN);
        }
        return roles;
    }
}
