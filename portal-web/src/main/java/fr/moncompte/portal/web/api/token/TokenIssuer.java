package fr.moncompte.portal.web.api.token;

import fr.moncompte.portal.domain.token.SigningKeys;
import fr.moncompte.portal.domain.token.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs the API's tokens: RS256 compact JWTs (RFC 7519) with the claims of MicroProfile JWT. The JDK signs; the
 * verification is MicroProfile JWT's own, which is what the tests hold these tokens against.
 */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    Config config;

    /** A signed token and when it expires. */
    public record Token(String value, Instant expiresAt) {
    }

    /**
     * @param claims the caller's own claims ({@code sub}, {@code upn}, {@code groups}, …); the issuer, the times and
     *               the token id are added here
     */
    public Token issue(JsonObjectBuilder claims, Instant now) {
        SigningKeys keys = SigningKeys.from(config);
        Instant expiresAt = now.plus(TokenSettings.LIFETIME);
        JsonObject payload = claims
                .add("iss", TokenSettings.issuer(config))
                .add("aud", TokenSettings.AUDIENCE)
                .add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build();
        JsonObject header = Json.createObjectBuilder()
                .add("alg", "RS256")
                .add("typ", "JWT")
                .add("kid", keys.signingKid())
                .build();
        String signed = part(header.toString()) + "." + part(payload.toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.signingKey());
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return new Token(signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign()),
                    expiresAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
