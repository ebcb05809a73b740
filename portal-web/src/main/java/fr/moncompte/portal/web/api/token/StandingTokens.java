package fr.moncompte.portal.web.api.token;

import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.web.api.ApiLanguage;
import fr.moncompte.portal.web.api.Problems;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * A verified token still has to stand for its owner: a token of an account disabled since, or issued before its
 * password changed, is refused like an expired one, rather than working out its fifteen minutes. MicroProfile JWT
 * checks the signature and the times; this checks the account (through {@link Accounts}, as the caller).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class StandingTokens implements ContainerRequestFilter {

    @EJB
    Accounts accounts;

    /** The request's verified token (MicroProfile JWT); without one, a token of no claims. */
    @Inject
    JsonWebToken token;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.getRawToken() != null && !accounts.tokenStands(Instant.ofEpochSecond(token.getIssuedAtTime()))) {
            Response refused = Problems.answer(Problems.problem(ApiLanguage.of(request.getAcceptableLanguages()), 401,
                    "api.token.refused", request.getUriInfo().getRequestUri().getRawPath(), null));
            request.abortWith(Response.fromResponse(refused)
                    .header("WWW-Authenticate", "Bearer realm=\"moncompte\", error=\"invalid_token\"").build());
        }
    }
}
