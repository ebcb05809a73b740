package fr.moncompte.portal.notifications.mail.control;

import fr.moncompte.portal.notifications.mail.entity.MailState;
import fr.moncompte.portal.notifications.mail.entity.OutgoingMail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outbox table. Mails are queued in the transaction that consumed their event; the dispatch claims due ones for a
 * while (so that two nodes never send the same mail at once: the claim is one guarded UPDATE), sends them outside any
 * transaction, then records each outcome.
 */
@Stateless
public class MailOutbox {

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    /** Queues a mail in the caller's transaction; a mail with the same reference already queued is not queued again. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean queue(OutgoingMail mail) {
        boolean known = queued(mail.getReference());
        if (!known) {
            em.persist(mail);
        }
        return !known;
    }

    /**
     * Claims up to {@code max} mails that are due, oldest first, for {@code lease}, and answers them. A mail claimed by
     * another dispatch whose lease has not run out is left to it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<OutgoingMail> claim(String claimant, int max, Duration lease, Instant now) {
        List<Long> due = em.createQuery("""
                        select m.id from OutgoingMail m where m.state = :pending and m.nextAttemptAt <= :now
                        and (m.claimedUntil is null or m.claimedUntil < :now) order by m.id""", Long.class)
                .setParameter("pending", MailState.PENDING).setParameter("now", now)
                .setMaxResults(max).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        em.createQuery("""
                        update OutgoingMail m set m.claimedBy = :claimant, m.claimedUntil = :until
                        where m.id in :ids and m.state = :pending and (m.claimedUntil is null or m.claimedUntil < :now)""")
                .setParameter("claimant", claimant).setParameter("until", now.plus(lease))
                .setParameter("ids", due).setParameter("pending", MailState.PENDING).setParameter("now", now)
                .executeUpdate();
        return em.createQuery("select m from OutgoingMail m where m.claimedBy = :claimant and m.id in :ids order by m.id",
                        OutgoingMail.class)
                .setParameter("claimant", claimant).setParameter("ids", due).getResultList();
    }

    /**
     * Records how the sending went: each mail in {@code ids} went out unless {@code failures} says why not. A mail
     * no longer claimed by {@code claimant} (its lease ran out and another node took it) is left to that node. A mail
     * that went out loses its bodies (a link's secret lives no longer than needed); those are recorded in one guarded
     * UPDATE, not row by row, since a burst records hundreds at a time.
     *
     * @return how many of the failed mails are now dead
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int record(String claimant, List<Long> ids, Map<Long, String> failures, RetryPolicy policy, Instant now) {
        List<Long> sent = ids.stream().filter(id -> !failures.containsKey(id)).toList();
        if (!sent.isEmpty()) {
            em.createQuery("""
                            update OutgoingMail m set m.state = :sent, m.sentAt = :now, m.attempts = m.attempts + 1,
                            m.textBody = null, m.htmlBody = null, m.lastError = null, m.claimedBy = null,
                            m.claimedUntil = null where m.id in :ids and m.claimedBy = :claimant""")
                    .setParameter("sent", MailState.SENT).setParameter("now", now).setParameter("ids", sent)
                    .setParameter("claimant", claimant).executeUpdate();
        }
        int dead = 0;
        for (Map.Entry<Long, String> failure : failures.entrySet()) {
            OutgoingMail mail = em.find(OutgoingMail.class, failure.getKey(), LockModeType.PESSIMISTIC_WRITE);
            if (claimant.equals(mail.getClaimedBy()) && mail.failed(failure.getValue(), now,
                    policy.delayAfter(mail.getAttempts() + 1), policy.maxAttempts())) {
                dead++;
                if (mail.holdsLink()) {
                    mail.forgetBodies(); // a replay writes it again, with a fresh secret
                }
            }
        }
        return dead;
    }

    /** Whether a mail with this reference was ever queued. */
    public boolean queued(String reference) {
        return !em.createQuery("select m.id from OutgoingMail m where m.reference = :reference", Long.class)
                .setParameter("reference", reference).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * How many mails wait (pending) and were given up (dead), for the metrics, scraped every few seconds: counted on
     * the index of the states, without walking the sent mails, which only grow.
     */
    public Map<MailState, Long> unsent() {
        Map<MailState, Long> counts = new java.util.EnumMap<>(MailState.class);
        for (MailState state : List.of(MailState.PENDING, MailState.DEAD)) {
            counts.put(state, em.createQuery("select count(m) from OutgoingMail m where m.state = :state", Long.class)
                    .setParameter("state", state).getSingleResult());
        }
        return counts;
    }

    /** How many mails are in each state. */
    public Map<MailState, Long> counts() {
        Map<MailState, Long> counts = new java.util.EnumMap<>(MailState.class);
        for (MailState state : MailState.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("select m.state, count(m) from OutgoingMail m group by m.state", Object[].class)
                .getResultStream().forEach(row -> counts.put((MailState) row[0], (Long) row[1]));
        return counts;
    }
}
