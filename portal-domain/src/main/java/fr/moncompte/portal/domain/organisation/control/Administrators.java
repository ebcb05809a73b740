package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * SPEC §4 rule 4: a customer account keeps at least one active administrator. The accounts concerned are locked for
 * the rest of the transaction, so that two administrators disabling or demoting each other at once cannot both pass.
 */
@Dependent
public class Administrators {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    /** The accounts this user administers, locked. */
    public List<CustomerAccount> administeredBy(UserAccount user) {
        return em.createQuery("""
                        select acc from CustomerAccount acc join acc.administrators admin where admin.id = :userId""",
                        CustomerAccount.class)
                .setParameter("userId", user.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Whether this user is the only active administrator left on one of their accounts. */
    public boolean isLastActiveAnywhere(UserAccount user) {
        return administeredBy(user).stream().anyMatch(account -> isLastActive(user, account));
    }

    /** Whether no other active administrator than this user is left on the account (which is locked). */
    public boolean isLastActive(UserAccount user, CustomerAccount account) {
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        return em.createQuery("""
                        select count(other) from CustomerAccount acc join acc.administrators other
                        where acc = :account and other.id <> :userId and other.status = :active""", Long.class)
                .setParameter("account", account)
                .setParameter("userId", user.getId())
                .setParameter("active", AccountStatus.ACTIVE)
                .getSingleResult() == 0;
    }
}
