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
                targetId == null ? null : targetId.toString(), printable(before), printable(after), sourceAddress));
    }

    /**
     * What a person typed (an operator's search) may hold control characters: PostgreSQL refuses a NUL in text,
     * which failed the whole request (found by BadInputIT on PostgreSQL). They are written as U+FFFD instead.
     */
    static String printable(String value) {
        if (value == null || value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return value;
        }
        StringBuilder kept = new StringBuilder(value.length());
        value.chars().forEach(c -> kept.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD'
                : (char) c));
        return kept.toString();
    }
}
