package fr.moncompte.portal.domain.audit.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Lets another module (notifications, for preferences) write the audit event of a change the signed-in person made
 * to their own account, in that module's transaction: the actor and the target are always the caller.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class OwnChanges {

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String action, String before, String after, String sourceAddress) {
        long caller = Long.parseLong(session.getCallerPrincipal().getName());
        audit.record(caller, action, UserAccount.AUDIT_TARGET, caller, before, after, sourceAddress);
    }
}
