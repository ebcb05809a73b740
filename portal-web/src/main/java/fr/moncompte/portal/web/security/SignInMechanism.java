package fr.moncompte.portal.web.security;

import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.domain.session.entity.UserSession;
import fr.moncompte.portal.web.session.EnrolmentGate;
import fr.moncompte.portal.web.session.SignedInSession;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The portal's one authentication mechanism (Jakarta Security 3 allows one per WAR), dispatching by path: the API
 * under {@value #API} takes bearer tokens, verified by MicroProfile JWT, and never a session, so a browser's cookie
 * cannot act on the API for its owner (no cross-site request forgery there); everything else is the pages' form
 * sign-in.
 * <p>
 * How pages sign in: our own form ({@code /login.xhtml}) calls {@code SecurityContext.authenticate} with the
 * credential; the identity stores validate it; the session then carries the caller's name and groups, given back to
 * the container on each request of that session. (Not {@code @AutoApplySession}: on Payara it lets the container look
 * the groups up again, and under concurrent requests that look-up sometimes comes back empty, so a signed-in person
 * was refused at random, payara/Payara#6145; the groups held in the session are also what a cluster replicates.)
 * A protected page asked for without a session leads to the form with {@code ?continue=<page>}, and the form leads
 * back there after sign-in.
 * <p>
 * Written out rather than {@code @CustomFormAuthenticationMechanismDefinition}: its "login to continue" replays the
 * first request wrapped, and on Payara that request loses the caller's roles (payara/Payara#4734), so the page first
 * asked for failed with "not authorized".
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** The API's paths: bearer tokens only. */
    public static final String API = "/api/";

    public static final String SIGN_IN_PAGE = "/login.xhtml";
    /** Faces' resources (style sheets, scripts, images), served alike to everybody. */
    static final String RESOURCES = "/jakarta.faces.resource/";
    public static final String CONTINUE = "continue";
    public static final String TIMED_OUT = "timedOut";

    /** The session attribute naming who signed in; it goes with the session (sign-out invalidates it). */
    public static final String SIGNED_IN = "fr.moncompte.portal.signedIn";

    /** Who signed in in this session, and their groups (roles) as the identity store gave them at sign-in. */
    public record SignedIn(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    BeanManager beans;

    @EJB
    Sessions sessions;

    /** MicroProfile JWT's bearer mechanism, which {@code @LoginConfig(authMethod = "MP-JWT")} installs beside this. */
    private volatile HttpAuthenticationMechanism bearerTokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        Credential credential = context.getAuthParameters().getCredential();
        boolean api = isApi(request) || isManagement(request) && hasBearer(request);
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (api) {
                return context.notifyContainerAboutLogin(result); // the token request: for this request only
            }
            request.getSession(true).setAttribute(SIGNED_IN,
                    new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(result);
        }
        if (api) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return bearerTokens().validateRequest(request, response, context);
            }
            return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
        }
        if (request.getServletPath().startsWith(RESOURCES)) {
            return context.doNothing(); // style sheets, scripts and images: the same for everybody, no session used
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            Sessions.Resumed resumed = resume(session, signedIn, request);
            if (resumed.active()) {
                if (session.getAttribute(EnrolmentGate.ATTRIBUTE) != null && !EnrolmentGate.allows(path(request))) {
                    // A second factor is owed (operators, accounts that require one): nothing else until it is added.
                    return context.redirect(request.getContextPath() + EnrolmentGate.PAGE);
                }
                return context.notifyContainerAboutLogin(new CallerPrincipal(signedIn.name()), resumed.roles());
            }
            // Ended elsewhere, timed out, or the account disabled: this browser is signed out, whatever it asked for.
            session.invalidate();
            try {
                SignedInSession.signedOut(request, response, resumed.state());
            } catch (IOException e) {
                throw new AuthenticationException(e);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE + continuation(request));
        }
        return context.doNothing();
    }

    /**
     * The session's record as it stands now, with the roles the account holds now (not those it had at sign-in).
     */
    private Sessions.Resumed resume(HttpSession session, SignedIn signedIn, HttpServletRequest request) {
        long accountId;
        try {
            accountId = Long.parseLong(signedIn.name());
        } catch (NumberFormatException forged) {
            return new Sessions.Resumed(UserSession.State.ENDED, Set.of());
        }
        return sessions.resume((String) session.getAttribute(SignedInSession.ID), accountId, request.getRemoteAddr());
    }

    /**
     * By the path the container dispatches on (decoded and normalised), not the raw URI: "//api/v1/me" or
     * "/%61pi/v1/me" reach the API too, and must not be signed in from the session.
     */
    static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith(API);
    }

    /** The path the container dispatches on, decoded and normalised: what every check by path looks at. */
    static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /**
     * The server's management endpoints, served in this application at the root context: an operator reads them
     * with an API token, or from a signed-in browser (see {@link ManagementEndpoints}).
     */
    static boolean isManagement(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/metrics") || path.startsWith("/metrics/") || path.equals("/health")
                || path.startsWith("/health/") || path.equals("/openapi") || path.startsWith("/openapi/");
    }

    private static boolean hasBearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private HttpAuthenticationMechanism bearerTokens() {
        HttpAuthenticationMechanism found = bearerTokens;
        if (found == null) {
            List<Bean<?>> others = beans.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(candidate -> !candidate.getTypes().contains(SignInMechanism.class))
                    .toList();
            if (others.size() != 1) {
                // Anything else would be a guess at which mechanism verifies the API's tokens.
                throw new IllegalStateException("Expected MicroProfile JWT's mechanism alone beside this one, found "
                        + others);
            }
            Bean<?> bean = others.get(0);
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            bearerTokens = found;
        }
        return found;
    }

    /**
     * Where to go back after sign-in: the page asked for, when it was a plain GET of a page; and, when the browser
     * still sent a session that is gone (timed out), a word for the sign-in page to say so.
     */
    private static String continuation(HttpServletRequest request) {
        String timedOut = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()
                ? TIMED_OUT + "=true" : "";
        if (!"GET".equals(request.getMethod())) {
            return timedOut.isEmpty() ? "" : "?" + timedOut;
        }
        String page = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            page += "?" + request.getQueryString();
        }
        return "?" + CONTINUE + "=" + URLEncoder.encode(page, StandardCharsets.UTF_8)
                + (timedOut.isEmpty() ? "" : "&" + timedOut);
    }

    /**
     * True for a path inside the portal ("/account/informations.xhtml"), false for anything that could lead
     * elsewhere ("//evil.example", "/\evil", "https:…"): the continuation comes from the URL, so it is checked.
     */
    public static boolean isLocalPage(String page) {
        return page != null && page.startsWith("/") && !page.startsWith("//") && !page.contains("\\")
                && !page.contains("://") && page.chars().noneMatch(Character::isISOControl);
    }
}
