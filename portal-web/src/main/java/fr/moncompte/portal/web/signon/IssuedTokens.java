package fr.moncompte.portal.web.signon;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.SessionID;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import fr.moncompte.portal.domain.signon.boundary.SignedOn;
import fr.moncompte.portal.domain.signon.control.SignOnTokens;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tokens an application receives (issue 22): the ID token says who signed in, for which company and in which
 * role ({@code aud} the client id); the access token opens the userinfo endpoint and nothing else (its {@code aud}
 * is that endpoint, its {@code typ} {@code at+jwt}, so the API, which wants its own audience, refuses it).
 */
final class IssuedTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String LOGIN_CLAIM = "lid";

    private IssuedTokens() {
    }

    static String idToken(Config config, SignedOn who, String nonce, Instant now) {
        IDTokenClaimsSet claims = new IDTokenClaimsSet(new Issuer(Endpoints.issuer(config)),
                new Subject(String.valueOf(who.accountId())), List.of(new Audience(who.clientId())),
                Date.from(now.plus(LIFETIME)), Date.from(now));
        claims.setAuthenticationTime(Date.from(who.authTime()));
        if (nonce != null) {
            claims.setNonce(new Nonce(nonce));
        }
        claims.setSessionID(new SessionID(who.sid()));
        claims.putAll(profile(who));
        try {
            return SignOnTokens.sign(config, claims.toJWTClaimsSet(), SignOnTokens.ID_TOKEN);
        } catch (ParseException e) {
            throw new IllegalStateException("An ID token could not be built", e);
        }
    }

    static String accessToken(Config config, SignedOn who, String scope, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(Endpoints.issuer(config))
                .subject(String.valueOf(who.accountId()))
                .audience(Endpoints.at(config, Endpoints.USERINFO).toString())
                .claim("client_id", who.clientId())
                .claim("scope", scope)
                .claim(LOGIN_CLAIM, who.loginId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return SignOnTokens.sign(config, claims, SignOnTokens.ACCESS_TOKEN);
    }

    /** What the ID token and the userinfo endpoint say of the person and the company chosen. */
    static UserInfo profile(SignedOn who) {
        UserInfo info = new UserInfo(new Subject(String.valueOf(who.accountId())));
        info.setEmailAddress(who.email());
        info.setEmailVerified(true); // a login is an address the person confirmed (invitation, change link)
        info.setGivenName(who.firstName());
        info.setFamilyName(who.lastName());
        info.setName(who.firstName() + " " + who.lastName());
        info.setClaim("locale", who.locale());
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("id", who.companyId());
        company.put("name", who.companyName());
        company.put("siren", who.siren());
        company.put("role", who.role());
        info.setClaim("company", company);
        return info;
    }
}
