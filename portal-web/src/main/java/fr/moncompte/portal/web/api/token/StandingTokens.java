package fr.moncompte.portal.web.api.token;

import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.web.api.ApiLanguage;
import fr.moncompte.portal.web.api.Problems;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * A verified token still has to stand for its owner: a token whose session was ended since (sign-out, "end the other
 * sessions", a password change, the account disabled), or that claims a role taken away since, is refused like an
 * expired one, rather than working out its fifteen minutes. MicroProfile JWT checks the signature, the times, the
 * issuer and the audience; this checks the session and the account (through {@link Sessions}, as the caller).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class StandingTokens implements ContainerRequestFilter {

    @EJB
    Sessions sessions;

    /** The request's verified token (MicroProfile JWT); without one, a token of no claims. */
    @Inject
    JsonWebToken token;

    @Context
    HttpServletRequest servletRequest;

    private boolean stands() {
        return stands(token, sessions, servletRequest.getRemoteAddr());
    }

    /** Whether a verified token's session ({@code sid}) is open and its account holds every group it claims. */
    public static boolean stands(JsonWebToken token, Sessions sessions, String sourceAddress) {
        String sessionId = token.getClaim(TokenResource.SESSION_CLAIM);
        return sessionId != null && sessions.tokenStands(sessionId, token.getGroups() == null ? Set.of()
                : token.getGroups(), sourceAddress);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.getRawToken() != null && !stands()) {
            Response refused = Problems.answer(Problems.problem(ApiLanguage.of(request.getAcceptableLanguages()), 401,
                    "api.token.refused", request.getUriInfo().getRequestUri().getRawPath(), null));
            request.abortWith(Response.fromResponse(refused)
                    .header("WWW-Authenticate", "Bearer realm=\"moncompte\", error=\"invalid_token\"").build());
        }
    }
}
