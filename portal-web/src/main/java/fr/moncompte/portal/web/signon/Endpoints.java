package fr.moncompte.portal.web.signon;

import fr.moncompte.portal.domain.schema.control.ProductionSettings;
import fr.moncompte.portal.domain.signon.control.SignOnTokens;
import org.eclipse.microprofile.config.Config;

import java.net.URI;

/** The provider's addresses, all under its issuer (the portal's public address), as discovery publishes them. */
final class Endpoints {

    static final String AUTHORIZE = "/oidc/authorize";
    static final String TOKEN = "/oidc/token";
    static final String USERINFO = "/oidc/userinfo";
    static final String LOGOUT = "/oidc/logout";
    static final String JWKS = "/.well-known/jwks.json";
    static final String COMPANY_PAGE = "/oidc/company.xhtml";
    static final String DENIED_PAGE = "/oidc/denied.xhtml";

    private Endpoints() {
    }

    static String issuer(Config config) {
        return SignOnTokens.issuer(config);
    }

    static URI at(Config config, String path) {
        String issuer = issuer(config);
        return URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + path);
    }

    /** Loopback redirects on any port (RFC 8252 §7.3): in development only. */
    static boolean loopbackAnyPort(Config config) {
        return ProductionSettings.isDevelopment(config.getOptionalValue(ProductionSettings.ENVIRONMENT, String.class));
    }
}
