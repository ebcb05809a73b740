package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.control.PersonErasing;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.organisation.control.Administrators;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * An operator erases a person on request (GDPR art. 17, issue 21). Their access is revoked (the grants stay, ended, as
 * the billing of past months needs them), their memberships and administrator roles end, their sessions end, their
 * second factors, links, invitations, sign-in attempts and help comments' authorship go; the audit log keeps its
 * events with their address and name replaced; the account row stays with none of their data. The notifications
 * module forgets their inbox, preferences and mails ({@code PERSON_ERASED}). Issued invoices name companies, not
 * people: they stay as they are. Refused for the last active administrator of a customer account (someone else must
 * be made administrator first, SPEC §4 rule 4), for an operator, and for oneself.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class Erasure {

    public static final String PERSON_ERASED = PersonErasing.PERSON_ERASED;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    @Inject
    Administrators administrators;

    @Inject
    PersonErasing erasing;

    /**
     * @throws NotFound        no such person, or erased already
     * @throws PortalException {@code erasure.yourself}, {@code erasure.operator}, {@code erasure.lastAdministrator}
     *                         (with the account's name)
     */
    public void erase(long userId, String sourceAddress) {
        long me = Long.parseLong(session.getCallerPrincipal().getName());
        UserAccount person = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (person == null || person.getErasedAt() != null) {
            throw new NotFound();
        }
        if (person.getId() == me) {
            throw new PortalException("erasure.yourself");
        }
        if (person.isOperator()) {
            throw new PortalException("erasure.operator");
        }
        List<CustomerAccount> administered = administrators.administeredBy(person);
        for (CustomerAccount account : administered) {
            // A closed account needs no administrator: its people may be erased before the legal period ends.
            if (!account.isClosed() && administrators.isLastActive(person, account)) {
                throw new PortalException("erasure.lastAdministrator", account.getName());
            }
        }
        int revoked = erasing.erase(person, me, sourceAddress);
        audit.record(me, PERSON_ERASED, UserAccount.AUDIT_TARGET, userId, null,
                "grantsRevoked=" + revoked + ", accounts=" + administered.size(), sourceAddress);
    }
}
