package fr.moncompte.portal.domain.signon.boundary;

import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.SessionID;
import com.nimbusds.oauth2.sdk.ParseException;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.signon.control.EndRule;
import fr.moncompte.portal.domain.signon.control.SignOnTokens;
import fr.moncompte.portal.domain.signon.entity.SignOnLogin;
import fr.moncompte.portal.domain.signon.entity.SignOnLogin.EndReason;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The transactional steps of back-channel logout, each in its own transaction so that no HTTP call to an
 * application is made while rows are locked: end the sign-ins the rule says must end, claim the logouts to send (a
 * claim is what keeps two nodes from sending the same one), and note the outcome.
 */
@Stateless
@PermitAll
public class LogoutSweep {

    /** Tries of one logout, spaced by {@link #RETRY_AFTER} times the tries made. */
    static final int MOST_ATTEMPTS = 5;
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** A logout token is good for two minutes (the application checks iat and exp). */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Config config;

    /** A logout to deliver: where, and the signed token. */
    public record Delivery(long loginId, String uri, String logoutToken) {
    }

    /** Ends every open sign-in the rule says must end; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int endDue() {
        Instant now = clock.instant();
        int ended = 0;
        for (Map.Entry<Long, EndReason> due : EndRule.due(em, now, null).entrySet()) {
            SignOnLogin login = em.find(SignOnLogin.class, due.getKey(), LockModeType.PESSIMISTIC_WRITE);
            if (login != null && login.end(now, due.getValue())) {
                audit.record(login.getAccountId(), "OIDC_SIGNED_OUT", "COMPANY", login.getCompany().getId(), null,
                        "client=" + login.getClient().getClientId() + ", reason=" + due.getValue(), null);
                ended++;
            }
        }
        em.createNativeQuery("delete from oidc_used_assertion where expires_at < ?")
                .setParameter(1, Timestamp.from(now)).executeUpdate();
        return ended;
    }

    /**
     * The logouts to send now, claimed: sign-ins ended within the day, whose application receives back-channel
     * logouts, not yet delivered, tried fewer than five times and not too recently.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Delivery> claim() {
        Instant now = clock.instant();
        List<Delivery> claimed = new ArrayList<>();
        List<SignOnLogin> pending = em.createQuery("""
                        select l from SignOnLogin l where l.endedAt > :since and l.logoutSentAt is null
                        and l.logoutAttempts < :most and l.client.backchannelLogoutUri is not null
                        and l.endReason <> 'EXPIRED' order by l.endedAt""", SignOnLogin.class)
                .setParameter("since", now.minus(Duration.ofDays(1))).setParameter("most", MOST_ATTEMPTS)
                .setMaxResults(50).getResultList();
        for (SignOnLogin candidate : pending) {
            SignOnLogin login = candidate;
            em.refresh(login, LockModeType.PESSIMISTIC_WRITE); // what another node did meanwhile is seen here
            if (login.getLogoutSentAt() != null || login.getLogoutTriedAt() != null
                    && now.isBefore(login.getLogoutTriedAt().plus(RETRY_AFTER.multipliedBy(login.getLogoutAttempts())))) {
                continue;
            }
            login.logoutTried(now);
            claimed.add(new Delivery(login.getId(), login.getClient().getBackchannelLogoutUri(), logoutToken(login, now)));
        }
        return claimed;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delivered(long loginId) {
        SignOnLogin login = em.find(SignOnLogin.class, loginId);
        login.logoutSent(clock.instant());
    }

    /** The logout token of OIDC Back-Channel Logout §2.4, built and checked by Nimbus, signed with the portal's key. */
    private String logoutToken(SignOnLogin login, Instant now) {
        try {
            LogoutTokenClaimsSet claims = new LogoutTokenClaimsSet(new Issuer(SignOnTokens.issuer(config)),
                    new Subject(String.valueOf(login.getAccountId())),
                    List.of(new Audience(login.getClient().getClientId())), Date.from(now),
                    Date.from(now.plus(TOKEN_LIFETIME)), new JWTID(), new SessionID(login.getSid()));
            return SignOnTokens.sign(config, claims.toJWTClaimsSet(), SignOnTokens.LOGOUT_TOKEN);
        } catch (ParseException e) {
            throw new IllegalStateException("A logout token could not be built", e);
        }
    }
}
