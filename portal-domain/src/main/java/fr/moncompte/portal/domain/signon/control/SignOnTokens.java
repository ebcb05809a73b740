package fr.moncompte.portal.domain.signon.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.moncompte.portal.domain.token.SigningKeys;
import fr.moncompte.portal.domain.token.TokenSettings;
import org.eclipse.microprofile.config.Config;

import java.text.ParseException;
import java.util.Optional;

/**
 * Signs and verifies the tokens of single sign-on (ID, access and logout tokens) with the portal's signing keys, the
 * ones the JWKS publishes, through Nimbus JOSE+JWT. Each kind carries its own {@code typ}, so that one is never taken
 * for another (an ID token is no access token, and none of them is an API token: their {@code aud} differ too).
 */
public final class SignOnTokens {

    public static final JOSEObjectType ID_TOKEN = JOSEObjectType.JWT;
    /** RFC 9068's type for access tokens. */
    public static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
    /** OIDC Back-Channel Logout §2.4's type for logout tokens. */
    public static final JOSEObjectType LOGOUT_TOKEN = new JOSEObjectType("logout+jwt");

    private SignOnTokens() {
    }

    public static String issuer(Config config) {
        return TokenSettings.issuer(config);
    }

    public static String sign(Config config, JWTClaimsSet claims, JOSEObjectType type) {
        SigningKeys keys = SigningKeys.from(config);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID(keys.signingKid())
                .build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }

    /**
     * The claims of a token this portal signed, of this type, with one of the keys it publishes and its issuer; empty
     * for anything else. Its times are the caller's to judge (an expired ID token is still a good logout hint).
     */
    public static Optional<JWTClaimsSet> verified(Config config, String token, JOSEObjectType type) {
        if (token == null || token.length() > 16_000) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !type.equals(jwt.getHeader().getType())) {
                return Optional.empty();
            }
            JWK key = JWKSet.parse(SigningKeys.from(config).jwks()).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return issuer(config).equals(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
