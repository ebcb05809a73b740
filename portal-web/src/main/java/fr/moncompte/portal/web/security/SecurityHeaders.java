package fr.moncompte.portal.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;

/**
 * Headers a security review expects on every answer: no framing of the portal by any site (clickjacking), no MIME
 * sniffing, no full URL leaking to other sites; HSTS when the portal's public address is https (browsers then never
 * try it in clear); and no copy kept by the browser or a proxy of what is personal: a signed-in person's pages (the
 * back button after sign-out shows nothing), the API's answers and the invoices' PDFs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    /** One year, subdomains included: what the HSTS preload list asks for. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private boolean https;

    @Override
    public void init() {
        https = sendsHsts(ConfigProvider.getConfig().getOptionalValue("portal.public-url", String.class));
    }

    /** HSTS only when the public address is https: over plain http (the quick start) it would lock the browser out. */
    static boolean sendsHsts(java.util.Optional<String> publicUrl) {
        return publicUrl.map(url -> url.strip().regionMatches(true, 0, "https://", 0, 8)).orElse(false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (https) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        if (isPersonal(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** Everything but Faces' resources (style sheets, scripts) for a signed-in browser, the API and the invoices. */
    static boolean isPersonal(HttpServletRequest request) {
        String path = SignInMechanism.path(request);
        if (path.startsWith(SignInMechanism.RESOURCES)) {
            return false;
        }
        return path.startsWith(SignInMechanism.API) || path.startsWith("/invoices/")
                || request.getUserPrincipal() != null;
    }
}
