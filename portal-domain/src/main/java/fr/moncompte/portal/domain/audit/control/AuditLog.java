package fr.moncompte.portal.domain.audit.control;

import fr.moncompte.portal.domain.audit.entity.AuditEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Appends audit events. It must join the transaction of the change it records ({@code MANDATORY}), so that a change
 * and its trace are committed, or rolled back, together (SPEC §4 rule 7).
 */
@Dependent
public class AuditLog {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    /** An audit log writing through {@code em}, outside a container (the boundaries' tests on H2). */
    public static AuditLog over(EntityManager em) {
        AuditLog log = new AuditLog();
        log.em = em;
        return log;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long actorId, String action, String targetType, Object targetId,
                       String before, String after, String sourceAddress) {
        em.persist(new AuditEvent(Instant.now(Clock.systemUTC()), actorId, action, targetType,
                targetId == null ? null : targetId.toString(), before, after, sourceAddress));
    }
}
