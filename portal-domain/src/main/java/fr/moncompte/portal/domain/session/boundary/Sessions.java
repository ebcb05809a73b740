package fr.moncompte.portal.domain.session.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.control.CallerRoles;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.SignInAttempt;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.session.control.SessionEnding;
import fr.moncompte.portal.domain.session.entity.UserSession;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person's sessions: started at sign-in, checked on each request, listed in "Sécurité", ended one by
 * one or all but the current one. Always about the caller's own account: an id of someone else's session answers
 * "not found".
 */
@Stateless
@RolesAllowed(Roles.USER)
public class Sessions {

    static final String TARGET = "USER_SESSION";
    static final int RECENT_SIGN_INS = 20;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    AuditLog audit;

    @Inject
    SessionEnding ending;

    @Inject
    CallerRoles roles;

    /** Opens the record of a new signed-in session; the returned id goes into the HTTP session. */
    public String start(String sourceAddress, String userAgent) {
        String id = UUID.randomUUID().toString();
        em.persist(new UserSession(id, callerId(), clock.instant(), sourceAddress, userAgent));
        return id;
    }

    /** Where a session stands at a request, and what its owner may do now (empty unless it is active). */
    public record Resumed(UserSession.State state, Set<String> roles) {

        public Resumed {
            roles = Set.copyOf(roles);
        }

        public boolean active() {
            return state == UserSession.State.ACTIVE;
        }
    }

    /**
     * Every request of a signed-in browser, whatever its path (a page, a PDF, a download), goes through here before
     * the server lets it in: the session must still be open (not ended from "Sécurité", by a password change or
     * sign-out, nor past its idle or 12-hour limit), belong to that account, and the account must still be active;
     * the roles are read again from the database, so a role taken away, or a session forged in the cluster's
     * replicated store, gives nothing. Called before there is a caller (by the authentication mechanism), with the
     * account id the HTTP session holds; the session id is a random UUID that never leaves the server.
     */
    @PermitAll
    public Resumed resume(String sessionId, long accountId, String sourceAddress) {
        UserSession session = sessionId == null ? null : em.find(UserSession.class, sessionId);
        if (session == null || session.getAccountId() != accountId) {
            return new Resumed(UserSession.State.ENDED, Set.of());
        }
        Instant now = clock.instant();
        UserSession.State state = session.stateAt(now);
        UserAccount account = em.find(UserAccount.class, accountId);
        if (state == UserSession.State.ACTIVE && (account == null || account.getStatus() != AccountStatus.ACTIVE)) {
            session.end(now); // disabled since: this session is over, here and in "Sécurité"
            audit.record(accountId, "SESSION_ENDED_ACCOUNT_UNAVAILABLE", TARGET, sessionId, null, null, sourceAddress);
            return new Resumed(UserSession.State.ENDED, Set.of());
        }
        if (state == UserSession.State.ACTIVE) {
            session.seen(now);
            return new Resumed(state, roles.of(account));
        }
        if (state != UserSession.State.ENDED) {
            session.lapse(now);
            audit.record(accountId, state == UserSession.State.IDLE ? "SESSION_IDLE_TIMEOUT" : "SESSION_TIME_LIMIT",
                    TARGET, sessionId, null, null, sourceAddress);
        }
        return new Resumed(state, Set.of());
    }

    /**
     * Whether an API token still stands for the caller: the session it was issued to ({@code sid}) is still open
     * (not ended by sign-out, "end the other sessions", a password change, nor by the account's being disabled), and
     * the account still holds every role the token claims. Checked at each API request, so a token stops working
     * with its session rather than at the end of its fifteen minutes.
     */
    public boolean tokenStands(String sessionId, Set<String> claimedRoles, String sourceAddress) {
        Resumed resumed = resume(sessionId, callerId(), sourceAddress);
        return resumed.active() && resumed.roles().containsAll(claimedRoles);
    }

    /**
     * The HTTP session behind a record is gone (30 minutes without a request, or the server stopped): the record
     * ends too, so that "Sécurité" stops listing it. Callable without a caller, from the HTTP session listener: the
     * id is a random UUID that never leaves the server.
     */
    @PermitAll
    public void closeWithHttpSession(String sessionId) {
        UserSession session = sessionId == null ? null : em.find(UserSession.class, sessionId);
        if (session == null || session.getEndedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        boolean idle = !session.getLastSeenAt().isAfter(now.minus(UserSession.IDLE_LIMIT).plus(Duration.ofMinutes(1)));
        session.lapse(now);
        audit.record(session.getAccountId(), idle ? "SESSION_IDLE_TIMEOUT" : "SESSION_CLOSED_BY_SERVER", TARGET,
                sessionId, null, null, null);
    }

    public List<UserSession> active() {
        Instant now = clock.instant();
        return em.createNamedQuery(UserSession.ACTIVE_OF_ACCOUNT, UserSession.class)
                .setParameter("accountId", callerId())
                .setParameter("startedAfter", UserSession.startedAfter(now))
                .setParameter("seenAfter", UserSession.seenAfter(now))
                .getResultList();
    }

    /** The last sign-in attempts on the caller's account, successes and failures, newest first. */
    public List<SignInAttempt> recentSignIns() {
        return em.createQuery("""
                        select a from SignInAttempt a where a.accountId = :accountId order by a.occurredAt desc""",
                        SignInAttempt.class)
                .setParameter("accountId", callerId())
                .setMaxResults(RECENT_SIGN_INS)
                .getResultList();
    }

    public void end(String sessionId, String sourceAddress) {
        UserSession session = em.find(UserSession.class, sessionId);
        if (session == null || !session.getAccountId().equals(callerId())) {
            throw new NotFound();
        }
        session.end(clock.instant());
        audit.record(callerId(), "SESSION_ENDED", TARGET, sessionId, null, null, sourceAddress);
    }

    /**
     * The page's idle warning ran out: the session lapses, as it would on the server a moment later; unlike a
     * sign-out, the applications signed in from it stay signed in (nobody asked to sign out of them).
     */
    public void idleOut(String sessionId, String sourceAddress) {
        UserSession session = em.find(UserSession.class, sessionId);
        if (session == null || !session.getAccountId().equals(callerId())) {
            throw new NotFound();
        }
        if (session.getEndedAt() == null) {
            session.lapse(clock.instant());
            audit.record(callerId(), "SESSION_IDLE_TIMEOUT", TARGET, sessionId, null, null, sourceAddress);
        }
    }

    /** Ends the caller's session that {@link UserSession#handle()} names (the API's way to name one). */
    public void endByHandle(String handle, String sourceAddress) {
        UserSession session = em.createNamedQuery(UserSession.NOT_ENDED_OF_ACCOUNT, UserSession.class)
                .setParameter("accountId", callerId()).getResultStream()
                .filter(candidate -> candidate.handle().equals(handle)).findFirst().orElseThrow(NotFound::new);
        end(session.getId(), sourceAddress);
    }

    /** Ends every session of the caller but {@code currentSessionId}; returns how many. */
    public int endOthers(String currentSessionId, String sourceAddress) {
        int ended = ending.endAllBut(callerId(), currentSessionId);
        if (ended > 0) {
            audit.record(callerId(), "OTHER_SESSIONS_ENDED", TARGET, currentSessionId, null, "ended=" + ended, sourceAddress);
        }
        return ended;
    }

    private long callerId() {
        return Long.parseLong(context.getCallerPrincipal().getName());
    }
}
