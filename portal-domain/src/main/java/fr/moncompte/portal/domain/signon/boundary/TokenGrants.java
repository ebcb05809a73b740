package fr.moncompte.portal.domain.signon.boundary;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.signon.control.EndRule;
import fr.moncompte.portal.domain.Secrets;
import fr.moncompte.portal.domain.signon.entity.AuthorizationCode;
import fr.moncompte.portal.domain.signon.entity.RefreshToken;
import fr.moncompte.portal.domain.signon.entity.SignOnClient;
import fr.moncompte.portal.domain.signon.entity.SignOnLogin;
import fr.moncompte.portal.domain.signon.entity.SignOnLogin.EndReason;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The token endpoint's rules (issue 22), for a client the endpoint has authenticated: a code is redeemed once,
 * within five minutes, by the client it was issued to, with the redirect address it was sent to and the PKCE
 * verifier of its challenge; a refresh token works once and is replaced by the next; both work only while the
 * sign-in stands ({@link EndRule}). A code or refresh token presented a second time ends the sign-in: whoever
 * replays it is not its owner (RFC 6749 §4.1.2, OAuth 2.0 Security BCP §4.14).
 */
@Stateless
@PermitAll
public class TokenGrants {

    /** RFC 7636 §4.1: 43 to 128 characters of the unreserved set. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** What a grant gives: who is signed in, the code's nonce and scope, and the next refresh token. */
    public record Granted(SignedOn signedOn, String nonce, String scope, String refreshToken) {
    }

    public Granted redeemCode(long clientId, String code, String redirectUri, String codeVerifier) {
        AuthorizationCode found = code == null || code.length() > 200 ? null
                : em.find(AuthorizationCode.class, Secrets.hash(code), LockModeType.PESSIMISTIC_WRITE);
        if (found == null || !found.getLogin().getClient().getId().equals(clientId)) {
            // Unknown, or issued to another client: that client's code is not spent by someone else's try.
            throw new TokenRefused("invalid_grant", "unknown authorization code");
        }
        Instant now = clock.instant();
        if (!now.isBefore(found.getExpiresAt())) {
            throw new TokenRefused("invalid_grant", "authorization code expired");
        }
        if (!found.getRedirectUri().equals(redirectUri)) {
            throw new TokenRefused("invalid_grant", "redirect_uri differs from the authorization request's");
        }
        if (codeVerifier == null || !VERIFIER.matcher(codeVerifier).matches()
                || !MessageDigest.isEqual(s256(codeVerifier), found.getCodeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw new TokenRefused("invalid_grant", "code_verifier does not match the code_challenge (PKCE S256)");
        }
        // Spent only by its client with its verifier: presented so a second time, it was copied.
        if (!found.use(now)) {
            end(found.getLogin(), EndReason.TOKEN_REPLAYED, now);
            throw new TokenRefused("invalid_grant", "authorization code already used: the sign-in it gave is ended");
        }
        SignOnLogin login = standing(found.getLogin(), now);
        return new Granted(signedOn(login), found.getNonce(), found.getScope(), refreshToken(login, found.getScope(), now));
    }

    public Granted refresh(long clientId, String presented) {
        RefreshToken found = presented == null || presented.length() > 200 ? null
                : em.find(RefreshToken.class, Secrets.hash(presented), LockModeType.PESSIMISTIC_WRITE);
        if (found == null || !found.getLogin().getClient().getId().equals(clientId)) {
            throw new TokenRefused("invalid_grant", "unknown refresh token");
        }
        Instant now = clock.instant();
        if (!found.use(now)) {
            end(found.getLogin(), EndReason.TOKEN_REPLAYED, now);
            throw new TokenRefused("invalid_grant", "refresh token already used: the sign-in it belongs to is ended");
        }
        SignOnLogin login = standing(found.getLogin(), now);
        if (!now.isBefore(found.getExpiresAt())) {
            throw new TokenRefused("invalid_grant", "refresh token expired");
        }
        return new Granted(signedOn(login), null, found.getScope(), refreshToken(login, found.getScope(), now));
    }

    /** Who an access token names, while its sign-in stands (the userinfo endpoint). */
    public Optional<SignedOn> standingLogin(long loginId) {
        SignOnLogin login = em.find(SignOnLogin.class, loginId);
        if (login == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (login.getEndedAt() != null || !EndRule.due(em, now, loginId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(signedOn(login));
    }

    /**
     * Whether a client authenticating with a signed assertion ({@code private_key_jwt}) has not used its id before;
     * notes it as used until it expires. Two requests racing with the same id: the second's insert fails on the
     * primary key, and its request is refused with the exception.
     */
    public boolean firstUseOfAssertion(long clientId, String jti, Instant expiresAt) {
        Number used = (Number) em.createNativeQuery(
                        "select count(*) from oidc_used_assertion where client_id = ? and jti = ?")
                .setParameter(1, clientId).setParameter(2, jti).getSingleResult();
        if (used.longValue() > 0) {
            return false;
        }
        em.createNativeQuery("insert into oidc_used_assertion (client_id, jti, expires_at) values (?, ?, ?)")
                .setParameter(1, clientId).setParameter(2, jti).setParameter(3, Timestamp.from(expiresAt))
                .executeUpdate();
        return true;
    }

    /** The sign-in, if it still stands; else it is ended now (for the reason the rule gives) and refused. */
    private SignOnLogin standing(SignOnLogin login, Instant now) {
        if (login.getEndedAt() != null) {
            throw new TokenRefused("invalid_grant", "the sign-in has ended");
        }
        EndReason reason = EndRule.due(em, now, login.getId()).get(login.getId());
        if (reason != null) {
            end(login, reason, now);
            throw new TokenRefused("invalid_grant", "the sign-in has ended: " + reason.name().toLowerCase());
        }
        return login;
    }

    private void end(SignOnLogin login, EndReason reason, Instant now) {
        SignOnLogin locked = em.find(SignOnLogin.class, login.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (locked.end(now, reason)) {
            audit.record(locked.getAccountId(), "OIDC_SIGNED_OUT", "COMPANY", locked.getCompany().getId(), null,
                    "client=" + locked.getClient().getClientId() + ", reason=" + reason, null);
        }
    }

    private String refreshToken(SignOnLogin login, String scope, Instant now) {
        String token = Secrets.random();
        em.persist(new RefreshToken(Secrets.hash(token), login, scope, now));
        return token;
    }

    private SignedOn signedOn(SignOnLogin login) {
        UserAccount person = em.find(UserAccount.class, login.getAccountId());
        Company company = login.getCompany();
        SignOnClient client = login.getClient();
        return new SignedOn(login.getId(), client.getClientId(), person.getId(), person.getEmail(),
                person.getFirstName(), person.getLastName(), person.getLanguage().code(), company.getId(),
                company.getLegalName(), company.getSiren(), SignOn.roleIn(em, person.getId(), company), login.getSid(),
                login.getAuthTime());
    }

    private static byte[] s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
