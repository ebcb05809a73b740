package fr.moncompte.portal.web.signon;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.util.List;

/**
 * OpenID Connect Discovery 1.0: what the provider offers, where. Only what it does is said: the code flow with PKCE
 * S256, client secrets or {@code private_key_jwt}, RS256 ID tokens, back-channel logout with {@code sid}.
 */
@WebServlet("/.well-known/openid-configuration")
public class DiscoveryEndpoint extends HttpServlet {

    @Inject
    transient Config config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(Endpoints.issuer(config)),
                List.of(SubjectType.PUBLIC), Endpoints.at(config, Endpoints.JWKS));
        metadata.setAuthorizationEndpointURI(Endpoints.at(config, Endpoints.AUTHORIZE));
        metadata.setTokenEndpointURI(Endpoints.at(config, Endpoints.TOKEN));
        metadata.setUserInfoEndpointURI(Endpoints.at(config, Endpoints.USERINFO));
        metadata.setEndSessionEndpointURI(Endpoints.at(config, Endpoints.LOGOUT));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setScopes(new Scope("openid", "profile", "email"));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.PRIVATE_KEY_JWT));
        metadata.setTokenEndpointJWSAlgs(List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
        metadata.setClaims(List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "sid", "email",
                "email_verified", "name", "given_name", "family_name", "locale", "company"));
        metadata.setSupportsBackChannelLogout(true);
        metadata.setSupportsBackChannelLogoutSession(true);
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setSupportsRequestParam(false);
        metadata.setSupportsRequestURIParam(false);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getWriter().write(metadata.toJSONObject().toJSONString());
    }
}
