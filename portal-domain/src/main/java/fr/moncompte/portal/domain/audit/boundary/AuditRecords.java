package fr.moncompte.portal.domain.audit.boundary;

import fr.moncompte.portal.domain.audit.control.AuditLog;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The audit log as other modules write to it (billing records its operators' payments, credit notes, runs and reads
 * here), in the caller's transaction: an event is kept only if what it tells of is.
 */
@Stateless
@PermitAll
public class AuditRecords {

    @Inject
    AuditLog log;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Long actorId, String action, String targetType, Object targetId, String before, String after,
                       String sourceAddress) {
        log.record(actorId, action, targetType, targetId, before, after, sourceAddress);
    }
}
