package fr.moncompte.portal.web.signon;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.signon.boundary.SignOn;
import fr.moncompte.portal.domain.signon.boundary.SignOnClients;
import fr.moncompte.portal.domain.signon.control.RedirectUris;
import fr.moncompte.portal.domain.Secrets;
import fr.moncompte.portal.domain.signon.entity.SignOnClient;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.security.SignInMechanism;
import fr.moncompte.portal.web.session.SignedInSession;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authorization endpoint (OIDC Core §3.1.2): the code flow only, PKCE S256 required. An unknown client or a
 * redirect address not registered for it gets a page of the portal, never a redirect (it could be anyone's); every
 * other refusal goes back to the application as an error response. A person not signed in signs in first, with
 * their second factor, and comes back here; then access decides: no company where they hold the application gives
 * the refusal page, one gives the code, several ask which (unless the application's {@code company_hint}, a company
 * id or SIREN, names one of them).
 */
@WebServlet(Endpoints.AUTHORIZE)
public class AuthorizationEndpoint extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(AuthorizationEndpoint.class.getName());
    static final String COMPANY_HINT = "company_hint";
    static final String ERROR_PAGE = "/oidc/error.xhtml";
    static final String PROBLEM = "fr.moncompte.portal.oidc.problem";

    @EJB
    transient SignOnClients clients;

    @EJB
    transient SignOn signOn;

    @Inject
    transient Config config;

    @Inject
    transient LocaleSelection locale;

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
        if (request.getParameter("request") != null && request.getParameter("client_id") == null) {
            chosen(request, response);
            return;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            parameters.put(p.getKey(), List.of(p.getValue()));
        }
        String clientId = single(parameters, "client_id");
        Optional<SignOnClient> client = clients.byClientId(clientId);
        if (client.isEmpty()) {
            problem(request, response, "signon.problem.client");
            return;
        }
        String redirectUri = single(parameters, "redirect_uri");
        if (!RedirectUris.allowed(client.get().getRedirectUris(), redirectUri, Endpoints.loopbackAnyPort(config))) {
            problem(request, response, "signon.problem.redirect");
            return;
        }
        String state = single(parameters, "state");
        if (parameters.values().stream().anyMatch(values -> values.size() != 1)) {
            back(response, redirectUri, OAuth2Error.INVALID_REQUEST.setDescription("a parameter is repeated"), state);
            return;
        }
        AuthenticationRequest authentication;
        try {
            authentication = AuthenticationRequest.parse(parameters);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : e.getErrorObject();
            back(response, redirectUri, error, state);
            return;
        }
        Optional<ErrorObject> refused = refusal(authentication);
        if (refused.isPresent()) {
            back(response, redirectUri, refused.get(), state);
            return;
        }
        if (request.getUserPrincipal() == null) {
            Prompt prompt = authentication.getPrompt();
            if (prompt != null && prompt.contains(Prompt.Type.NONE)) {
                back(response, redirectUri, OIDCError.LOGIN_REQUIRED, state);
                return;
            }
            // Signs in first, second factor included, and comes back here with the same request.
            String again = Endpoints.AUTHORIZE + "?" + authentication.toQueryString();
            response.sendRedirect(request.getContextPath() + SignInMechanism.SIGN_IN_PAGE + "?"
                    + SignInMechanism.CONTINUE + "=" + URLEncoder.encode(again, StandardCharsets.UTF_8));
            return;
        }
        PendingAuthorization pending = new PendingAuthorization(Secrets.random(), clientId,
                client.get().getApplication().getNameFr(),
                client.get().getApplication().getNameEn(), redirectUri, state,
                authentication.getNonce() == null ? null : authentication.getNonce().getValue(),
                authentication.getScope().toString(), authentication.getCodeChallenge().getValue(),
                single(parameters, COMPANY_HINT));
        try {
            URI next = decide(request, pending);
            if (next.isAbsolute()) {
                Responses.navigate(response, next, locale.getLocale());
            } else {
                response.sendRedirect(next.toString());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Authorization request could not be answered", e);
            back(response, redirectUri, OAuth2Error.SERVER_ERROR, state);
        }
    }

    /**
     * The company chosen on the choice page, a link: the pending request's random id, kept in this browser's
     * session only, is what no other site can forge. A link rather than a form, since a form's redirect to the
     * application is what the Content-Security-Policy ({@code form-action 'self'}) forbids.
     */
    private void chosen(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PendingAuthorization pending = request.getUserPrincipal() == null ? null
                : PendingAuthorization.find(request.getSession(false), request.getParameter("request"));
        long company;
        try {
            company = Long.parseLong(request.getParameter("company"));
        } catch (NumberFormatException e) {
            company = -1;
        }
        if (pending == null || company < 0) {
            response.sendRedirect(request.getContextPath() + Endpoints.COMPANY_PAGE);
            return;
        }
        response.sendRedirect(issue(request, pending, company, signOn, config).toString());
    }

    /**
     * Where the signed-in person goes: the code for the only company (or the hinted one), the choice, or the refusal.
     */
    URI decide(HttpServletRequest request, PendingAuthorization pending) {
        List<SignOn.Choice> choices = signOn.companiesFor(pending.clientId());
        Optional<SignOn.Choice> chosen = choices.size() == 1 ? Optional.of(choices.get(0))
                : choices.stream().filter(c -> pending.companyHint() != null
                && (pending.companyHint().equals(String.valueOf(c.companyId()))
                || pending.companyHint().equals(c.siren()))).findFirst();
        if (chosen.isPresent()) {
            return issue(request, pending, chosen.get().companyId(), signOn, config);
        }
        pending.keepIn(request.getSession());
        String page = choices.isEmpty() ? Endpoints.DENIED_PAGE : Endpoints.COMPANY_PAGE;
        return URI.create(request.getContextPath() + page + "?request=" + pending.id());
    }

    /** The code for that company, sent back to the application; the refusal when the access went meanwhile. */
    static URI issue(HttpServletRequest request, PendingAuthorization pending, long companyId, SignOn signOn,
                     Config config) {
        try {
            String code = signOn.issueCode(pending.clientId(), companyId, pending.redirectUri(),
                    pending.codeChallenge(), pending.nonce(), pending.scope(), SignedInSession.idOf(request));
            PendingAuthorization.forget(request.getSession(false), pending.id());
            return Responses.success(config, pending.redirectUri(), code, pending.state());
        } catch (PortalException refused) {
            pending.keepIn(request.getSession());
            return URI.create(request.getContextPath() + Endpoints.DENIED_PAGE + "?request=" + pending.id());
        }
    }

    /** What the provider does not do, as the error the protocol names for it. */
    static Optional<ErrorObject> refusal(AuthenticationRequest request) {
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            return Optional.of(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE
                    .setDescription("only the authorization code flow (response_type=code)"));
        }
        if (request.getResponseMode() != null && !ResponseMode.QUERY.equals(request.getResponseMode())) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("response_mode: query only"));
        }
        if (request.getCodeChallenge() == null) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("PKCE is required: code_challenge"));
        }
        if (!CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("PKCE: code_challenge_method must be S256"));
        }
        if (request.getRequestObject() != null) {
            return Optional.of(OAuth2Error.REQUEST_NOT_SUPPORTED);
        }
        if (request.getRequestURI() != null) {
            return Optional.of(OAuth2Error.REQUEST_URI_NOT_SUPPORTED);
        }
        return Optional.empty();
    }

    private void back(HttpServletResponse response, String redirectUri, ErrorObject error, String state)
            throws IOException {
        response.sendRedirect(Responses.error(config, redirectUri, error, state).toString());
    }

    /** A page of the portal saying what is wrong with the request, for a request that cannot go back (400). */
    static void problem(HttpServletRequest request, HttpServletResponse response, String key)
            throws IOException, ServletException {
        request.setAttribute(PROBLEM, key);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        request.getRequestDispatcher(ERROR_PAGE).forward(request, response);
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
