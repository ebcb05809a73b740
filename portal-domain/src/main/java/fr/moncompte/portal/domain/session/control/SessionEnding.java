package fr.moncompte.portal.domain.session.control;

import fr.moncompte.portal.domain.session.entity.UserSession;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Ends an account's sessions inside the caller's transaction: a password change keeps the session it was made from,
 * a password reset (made signed out) keeps none. Who may do it is the calling boundary's business.
 */
@Dependent
public class SessionEnding {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    /** Ends every session of the account but {@code keptSessionId} (none when null); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAllBut(long accountId, String keptSessionId) {
        Instant now = clock.instant();
        int ended = 0;
        for (UserSession session : em.createNamedQuery(UserSession.NOT_ENDED_OF_ACCOUNT, UserSession.class)
                .setParameter("accountId", accountId).getResultList()) {
            if (!session.getId().equals(keptSessionId)) {
                session.end(now);
                ended++;
            }
        }
        return ended;
    }
}
