package fr.moncompte.portal.web.signon;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import fr.moncompte.portal.domain.signon.boundary.SignOnClients;
import fr.moncompte.portal.domain.signon.boundary.TokenGrants;
import fr.moncompte.portal.domain.signon.boundary.TokenRefused;
import fr.moncompte.portal.domain.Secrets;
import fr.moncompte.portal.domain.signon.entity.SignOnClient;
import fr.moncompte.portal.domain.signon.entity.SignOnClient.AuthMethod;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The token endpoint (OIDC Core §3.1.3): confidential clients only, by their secret (HTTP Basic or the form) or a
 * signed assertion ({@code private_key_jwt}, RFC 7523) verified with the keys registered for them; the authorization
 * code and refresh token grants, whose rules are {@link TokenGrants}'s. Answers are Nimbus's: JSON, no-store, an
 * OAuth error code on refusal (401 for a client not authenticated).
 */
@WebServlet(Endpoints.TOKEN)
public class TokenEndpoint extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());
    private static final long MOST_BODY = 16 * 1024;
    /** An assertion may not be good for longer than this (its exp): a replay window the used-jti table bounds. */
    private static final Duration LONGEST_ASSERTION = Duration.ofMinutes(10);

    @EJB
    transient SignOnClients clients;

    @EJB
    transient TokenGrants grants;

    @Inject
    transient Config config;

    @Inject
    transient Clock clock;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HTTPResponse answer;
        try {
            answer = answer(request);
        } catch (TokenRefused refused) {
            answer = error(new ErrorObject(refused.error(), refused.getMessage(), 400));
        } catch (RuntimeException e) {
            if (e instanceof EJBException ejb && ejb.getCausedByException() instanceof TokenRefused refused) {
                answer = error(new ErrorObject(refused.error(), refused.getMessage(), 400));
            } else {
                LOG.log(Level.WARNING, "Token request failed", e);
                answer = error(OAuth2Error.SERVER_ERROR);
            }
        }
        JakartaServletUtils.applyHTTPResponse(answer, response);
    }

    private HTTPResponse answer(HttpServletRequest request) throws IOException {
        TokenRequest tokenRequest;
        try {
            tokenRequest = TokenRequest.parse(JakartaServletUtils.createHTTPRequest(request, MOST_BODY));
        } catch (ParseException e) {
            return error(e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject());
        }
        Optional<SignOnClient> client = authenticated(tokenRequest.getClientAuthentication());
        if (client.isEmpty()) {
            return error(OAuth2Error.INVALID_CLIENT);
        }
        AuthorizationGrant grant = tokenRequest.getAuthorizationGrant();
        TokenGrants.Granted granted;
        if (grant instanceof AuthorizationCodeGrant code) {
            CodeVerifier verifier = code.getCodeVerifier();
            granted = grants.redeemCode(client.get().getId(), code.getAuthorizationCode().getValue(),
                    code.getRedirectionURI() == null ? null : code.getRedirectionURI().toString(),
                    verifier == null ? null : verifier.getValue());
        } else if (grant instanceof RefreshTokenGrant refresh) {
            granted = grants.refresh(client.get().getId(), refresh.getRefreshToken().getValue());
        } else {
            return error(OAuth2Error.UNSUPPORTED_GRANT_TYPE);
        }
        Instant now = clock.instant();
        BearerAccessToken accessToken = new BearerAccessToken(
                IssuedTokens.accessToken(config, granted.signedOn(), granted.scope(), now),
                IssuedTokens.LIFETIME.toSeconds(), Scope.parse(granted.scope()));
        OIDCTokens tokens = new OIDCTokens(IssuedTokens.idToken(config, granted.signedOn(), granted.nonce(), now),
                accessToken, new RefreshToken(granted.refreshToken()));
        return new OIDCTokenResponse(tokens).toHTTPResponse();
    }

    /** The client, when it proved who it is by the method registered for it. */
    private Optional<SignOnClient> authenticated(ClientAuthentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        Optional<SignOnClient> client = clients.byClientId(authentication.getClientID().getValue());
        if (client.isEmpty()) {
            return Optional.empty();
        }
        AuthMethod registered = client.get().getAuthMethod();
        ClientAuthenticationMethod used = authentication.getMethod();
        if (authentication instanceof PlainClientSecret secret && used.getValue().equals(registered.value())) {
            return Secrets.matches(secret.getClientSecret().getValue(), client.get().getSecretHash())
                    ? client : Optional.empty();
        }
        if (authentication instanceof PrivateKeyJWT assertion && registered == AuthMethod.PRIVATE_KEY_JWT) {
            return signedByClient(assertion, client.get()) ? client : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The assertion is signed by one of the client's registered keys, names the client as issuer and subject (Nimbus
     * checks both at parse), is meant for this token endpoint or the issuer, has not expired nor lives too long, and
     * its id was not seen before.
     */
    private boolean signedByClient(PrivateKeyJWT assertion, SignOnClient client) {
        try {
            SignedJWT jwt = assertion.getClientAssertion();
            JWKSet keys = JWKSet.parse(client.getJwks());
            String kid = jwt.getHeader().getKeyID();
            boolean verified = false;
            for (JWK key : keys.getKeys()) {
                if (kid != null && !kid.equals(key.getKeyID())) {
                    continue;
                }
                JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa)
                        : key instanceof ECKey ec ? new ECDSAVerifier(ec) : null;
                if (verifier != null && verifier.supportedJWSAlgorithms().contains(jwt.getHeader().getAlgorithm())
                        && jwt.verify(verifier)) {
                    verified = true;
                    break;
                }
            }
            JWTAuthenticationClaimsSet claims = assertion.getJWTAuthenticationClaimsSet();
            Instant now = clock.instant();
            Date expires = claims.getExpirationTime();
            List<Audience> audience = claims.getAudience();
            boolean forUs = audience.contains(new Audience(Endpoints.at(config, Endpoints.TOKEN).toString()))
                    || audience.contains(new Audience(Endpoints.issuer(config)));
            return verified && forUs && claims.getJWTID() != null && expires != null
                    && expires.toInstant().isAfter(now) && expires.toInstant().isBefore(now.plus(LONGEST_ASSERTION))
                    && grants.firstUseOfAssertion(client.getId(), claims.getJWTID().getValue(), expires.toInstant());
        } catch (java.text.ParseException | JOSEException | EJBException e) {
            return false;
        }
    }

    private static HTTPResponse error(ErrorObject error) {
        HTTPResponse response = new TokenErrorResponse(error).toHTTPResponse();
        if (error.getHTTPStatusCode() == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"token\"");
        }
        return response;
    }
}
