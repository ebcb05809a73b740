package fr.moncompte.portal.domain.secondfactor.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import fr.moncompte.portal.domain.secondfactor.control.SecondFactorPolicy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * A customer account's administrators require a second factor of every person of the account (issue 20, point 3),
 * or stop requiring it: shown with the account on its companies' pages, changed by its administrators alone, audited.
 * From the next sign-in, a person of the account without a factor is taken to enrolment and reaches nothing else.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class SecondFactorRequirement {

    public static final String AUDIT_TARGET = "CUSTOMER_ACCOUNT";

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    SecondFactorPolicy policy;

    @Inject
    AuditLog audit;

    /** Whether the caller may change the requirement of this customer account: they administer it. */
    public boolean mayChange(long customerAccountId) {
        CustomerAccount account = em.find(CustomerAccount.class, customerAccountId);
        return account != null && account.isAdministeredBy(callerId());
    }

    /**
     * @throws NotFound        no such customer account, or not one the caller administers
     * @throws PortalException {@code secondFactor.requireYourselfFirst}: to require it of everybody, the caller
     *                         signs in with one first
     */
    public void require(long customerAccountId, boolean required, String sourceAddress) {
        CustomerAccount account = em.find(CustomerAccount.class, customerAccountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.isAdministeredBy(callerId())) {
            throw new NotFound();
        }
        if (required && !policy.hasFactor(callerId())) {
            throw new PortalException("secondFactor.requireYourselfFirst");
        }
        if (account.isSecondFactorRequired() == required) {
            return;
        }
        account.setSecondFactorRequired(required);
        audit.record(callerId(), "SECOND_FACTOR_REQUIREMENT_CHANGED", AUDIT_TARGET, customerAccountId,
                "required=" + !required, "required=" + required, sourceAddress);
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
