package fr.moncompte.portal.web.signon;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import fr.moncompte.portal.domain.signon.boundary.SignedOn;
import fr.moncompte.portal.domain.signon.boundary.TokenGrants;
import fr.moncompte.portal.domain.signon.control.SignOnTokens;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The userinfo endpoint (OIDC Core §5.3): the access token of a sign-in that still stands gives the same claims as
 * the ID token; a token expired, forged, of another kind, or whose sign-in ended (signed out, access revoked) gets
 * 401 {@code invalid_token}.
 */
@WebServlet(Endpoints.USERINFO)
public class UserInfoEndpoint extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(UserInfoEndpoint.class.getName());

    @EJB
    transient TokenGrants grants;

    @Inject
    transient Config config;

    @Inject
    transient Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HTTPResponse answer;
        try {
            UserInfoRequest userInfo = UserInfoRequest.parse(JakartaServletUtils.createHTTPRequest(request, 16 * 1024));
            Optional<SignedOn> who = SignOnTokens.verified(config, userInfo.getAccessToken().getValue(),
                            SignOnTokens.ACCESS_TOKEN)
                    .filter(this::current)
                    .flatMap(claims -> grants.standingLogin(login(claims)));
            answer = who.isPresent() ? new UserInfoSuccessResponse(IssuedTokens.profile(who.get())).toHTTPResponse()
                    : new UserInfoErrorResponse(BearerTokenError.INVALID_TOKEN).toHTTPResponse();
        } catch (ParseException e) {
            // No token, or not a bearer one: 401 with the challenge, as RFC 6750 §3.1 has it.
            answer = new UserInfoErrorResponse(BearerTokenError.MISSING_TOKEN).toHTTPResponse();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Userinfo request failed", e);
            answer = new UserInfoErrorResponse(BearerTokenError.INVALID_TOKEN).toHTTPResponse();
        }
        answer.setHeader("Cache-Control", "no-store");
        JakartaServletUtils.applyHTTPResponse(answer, response);
    }

    private boolean current(JWTClaimsSet claims) {
        return claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(clock.instant())
                && claims.getAudience().contains(Endpoints.at(config, Endpoints.USERINFO).toString())
                && claims.getClaim(IssuedTokens.LOGIN_CLAIM) instanceof Number;
    }

    private static long login(JWTClaimsSet claims) {
        return ((Number) claims.getClaim(IssuedTokens.LOGIN_CLAIM)).longValue();
    }
}
