package fr.moncompte.portal.web.security;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.schema.control.ProductionSettings;
import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.web.api.ApiLanguage;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problems;
import fr.moncompte.portal.web.api.token.StandingTokens;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The server's management endpoints ({@code /metrics}, {@code /health}, {@code /openapi}) are served inside the
 * portal's web application when it is deployed at the root context, as production deploys it, so this filter guards
 * them: in production {@code /metrics} and {@code /openapi} answer an operator only (a bearer token of the API, or
 * an operator's signed-in browser, which the API explorer uses), since they tell the load, the locked accounts, the
 * whole API; the health checks answer anyone, for the load balancer and the orchestrator, but with their status
 * alone (UP 200, DOWN 503): which check failed, and the figures they carry, are for an operator. In development
 * ({@code portal.environment}) they stay open, as the quick start's README uses them;
 * {@code portal.management.open=true} opens them in production too, for an installation that closes them at its
 * proxy instead (OPERATIONS.md).
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*", "/health", "/health/*", "/openapi", "/openapi/*"},
        asyncSupported = true)
public class ManagementEndpoints extends HttpFilter {

    public static final String OPEN = "portal.management.open";

    @EJB
    Sessions sessions;

    @Inject
    JsonWebToken token;

    private boolean open;

    @Override
    public void init() {
        var config = ConfigProvider.getConfig();
        boolean development = ProductionSettings.isDevelopment(
                config.getOptionalValue(ProductionSettings.ENVIRONMENT, String.class));
        open = development || config.getOptionalValue(OPEN, Boolean.class).orElse(false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (open || isOperator(request)) {
            chain.doFilter(request, response);
            return;
        }
        String path = SignInMechanism.path(request);
        if (path.equals("/health") || path.startsWith("/health/")) {
            statusAlone(request, response, chain);
            return;
        }
        Locale locale = ApiLanguage.ofHeader(request.getHeader("Accept-Language"));
        boolean anonymous = request.getUserPrincipal() == null;
        response.setStatus(anonymous ? 401 : 403);
        if (anonymous) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"moncompte\"");
        }
        response.setContentType(PortalApi.PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().print(Problems.json(Problems.problem(locale, anonymous ? 401 : 403,
                anonymous ? "api.unauthorized" : "api.forbidden", request.getRequestURI(), null)));
    }

    /** An operator's browser session, or an operator's token whose session still stands (as on the API). */
    private boolean isOperator(HttpServletRequest request) {
        if (!request.isUserInRole(Roles.OPERATOR)) {
            return false;
        }
        // A browser's session is checked at this very request by the authentication mechanism; a token here.
        return token.getRawToken() == null || StandingTokens.stands(token, sessions, request.getRemoteAddr());
    }

    /** A health check's answer, its checks and their data left out: the status code and UP or DOWN. */
    private static void statusAlone(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Captured captured = new Captured(response);
        chain.doFilter(request, captured);
        boolean up = captured.status < 400 && captured.body().contains("\"UP\"");
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().print(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }

    /** Keeps what the endpoint writes, to be told again in fewer words. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintWriter writer = new PrintWriter(bytes, true, StandardCharsets.UTF_8);
        private final jakarta.servlet.ServletOutputStream stream = new jakarta.servlet.ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(jakarta.servlet.WriteListener listener) {
                throw new UnsupportedOperationException("liveness is answered at once");
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        };
        private int status = 200;

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc, String message) {
            status = sc;
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        String body() {
            writer.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
