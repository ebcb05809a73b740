package fr.moncompte.portal.domain.token;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/** The settings of the tokens the portal issues, read the same way by the issuer and by the verification. */
public final class TokenSettings {

    public static final String ISSUER = "portal.jwt.issuer";
    /**
     * Whom the tokens are for ({@code aud}): the portal's API. MicroProfile JWT refuses a token for anyone else, so a
     * token issued by the same key for another purpose opens nothing here.
     */
    public static final String AUDIENCE = "moncompte-portal-api";
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private TokenSettings() {
    }

    /** {@value #ISSUER}, or else the portal's public address, which is what the vendor's applications know it by. */
    public static String issuer(Config config) {
        return config.getOptionalValue(ISSUER, String.class).filter(s -> !s.isBlank())
                .or(() -> config.getOptionalValue("portal.public-url", String.class))
                .orElse("http://localhost:8080/");
    }
}
