package fr.moncompte.portal.domain.secondfactor.control;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Who must sign in with a second factor (issue 20, point 3): every operator, who reads every tenant; and every person
 * of a customer account whose administrators require it (a member of one of its companies, or one of its
 * administrators). Such a person without a factor is taken to enrolment after the password, and may not remove their
 * last factor. The one place this is decided: the sign-in, the token endpoint and Mon compte › Sécurité ask here.
 */
@Dependent
public class SecondFactorPolicy {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    public boolean requires(UserAccount account) {
        if (account.isOperator()) {
            return true;
        }
        long asMember = em.createQuery("""
                        select count(c) from Company c join c.members u
                        where u.id = :u and c.customerAccount.secondFactorRequired = true""", Long.class)
                .setParameter("u", account.getId()).getSingleResult();
        if (asMember > 0) {
            return true;
        }
        return em.createQuery("""
                        select count(a) from CustomerAccount a join a.administrators u
                        where u.id = :u and a.secondFactorRequired = true""", Long.class)
                .setParameter("u", account.getId()).getSingleResult() > 0;
    }

    public boolean hasFactor(long accountId) {
        return em.createNamedQuery(SecondFactor.CONFIRMED_COUNT, Long.class).setParameter("accountId", accountId)
                .getSingleResult() > 0;
    }

    /** Has to add a factor before anything else. */
    public boolean mustEnrol(UserAccount account) {
        return !hasFactor(account.getId()) && requires(account);
    }
}
