package fr.moncompte.portal.web.signon;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.domain.session.entity.UserSession;
import fr.moncompte.portal.domain.signon.boundary.SignOnClients;
import fr.moncompte.portal.domain.signon.control.RedirectUris;
import fr.moncompte.portal.domain.signon.control.SignOnTokens;
import fr.moncompte.portal.domain.signon.entity.SignOnClient;
import fr.moncompte.portal.web.session.SignedInSession;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). With an ID token of this very portal session
 * ({@code id_token_hint}: its {@code sub} and {@code sid}), the person is signed out of the portal at once, and so
 * of every other application by back-channel logout; without one, nobody can sign them out from a link, so the portal
 * asks them ({@code /oidc/logout.xhtml}). Back to {@code post_logout_redirect_uri} only when it is registered for the
 * client the hint or {@code client_id} names, with {@code state}; else to the portal's sign-in page.
 */
@WebServlet(Endpoints.LOGOUT)
public class EndSessionEndpoint extends HttpServlet {

    static final String CONFIRM_PAGE = "/oidc/logout.xhtml";

    @EJB
    transient SignOnClients clients;

    @EJB
    transient Sessions sessions;

    @Inject
    transient Config config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        handle(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        handle(request, response);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        LogoutRequest logout;
        try {
            logout = LogoutRequest.parse(parameters);
        } catch (ParseException e) {
            AuthorizationEndpoint.problem(request, response, "signon.problem.logout");
            return;
        }
        Optional<JWTClaimsSet> hint = logout.getIDTokenHint() == null ? Optional.empty()
                : SignOnTokens.verified(config, logout.getIDTokenHint().serialize(), SignOnTokens.ID_TOKEN);
        String clientId = hint.map(h -> h.getAudience().isEmpty() ? null : h.getAudience().get(0))
                .orElse(logout.getClientID() == null ? null : logout.getClientID().getValue());
        Optional<SignOnClient> client = clients.byClientId(clientId);
        URI back = logout.getPostLogoutRedirectionURI();
        String after = request.getContextPath() + "/login.xhtml?signedOut=true";
        if (back != null && client.isPresent() && RedirectUris.allowed(client.get().getPostLogoutRedirectUris(),
                back.toString(), Endpoints.loopbackAnyPort(config))) {
            after = logout.getState() == null ? back.toString()
                    : back + (back.getRawQuery() == null ? "?" : "&")
                    + URLUtils.serializeParameters(Map.of("state", List.of(logout.getState().getValue())));
        }
        String sessionId = SignedInSession.idOf(request);
        if (request.getUserPrincipal() == null || sessionId == null) {
            response.sendRedirect(after); // nobody signed in here: nothing to end
            return;
        }
        boolean ofThisSession = hint.isPresent()
                && request.getUserPrincipal().getName().equals(hint.get().getSubject())
                && UserSession.handleOf(sessionId).equals(hint.get().getClaim("sid"));
        if (!ofThisSession) {
            HttpSession session = request.getSession();
            session.setAttribute(LogoutConfirmation.AFTER, after);
            response.sendRedirect(request.getContextPath() + CONFIRM_PAGE);
            return;
        }
        sessions.end(sessionId, request.getRemoteAddr());
        request.logout();
        request.getSession().invalidate();
        response.sendRedirect(after);
    }
}
