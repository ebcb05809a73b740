package fr.moncompte.portal.web.security;

import fr.moncompte.portal.web.api.ApiLanguage;
import fr.moncompte.portal.web.i18n.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The pages' form posts are bounded before the server reads them: a body declared larger than {@value #LIMIT} bytes
 * is answered 413, and one streamed without a length (no browser sends a form so) 411, each with a short page in the
 * reader's language; a form holding a NUL character is answered 400 so. The API bounds its own bodies (see
 * {@code BoundedBodies}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BoundedForms extends HttpFilter {

    /** The portal's longest form (a company's details, a feedback) is a few kilobytes; its view state is small. */
    public static final long LIMIT = 256 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || SignInMechanism.isApi(request)) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > LIMIT || length < 0 && request.getHeader("Transfer-Encoding") != null) {
            refuse(request, response, length > LIMIT ? 413 : 411, "page.tooLarge");
            return;
        }
        if (holdsNul(request)) {
            refuse(request, response, 400, "page.nul");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A NUL in a field: no text of the portal holds one, and PostgreSQL refuses to store or compare it. The pages'
     * forms are UTF-8 (their encoding is set here before the fields are read, as Faces would).
     */
    private static boolean holdsNul(HttpServletRequest request) throws IOException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8");
        }
        for (String[] values : request.getParameterMap().values()) {
            for (String value : values) {
                if (value.indexOf('\u0000') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        Locale locale = ApiLanguage.ofHeader(request.getHeader("Accept-Language"));
        response.setStatus(status);
        response.setHeader("Connection", "close"); // the rest of the body is not read
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        PrintWriter page = response.getWriter();
        page.print("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><title>"
                + Texts.format(locale, key + ".title") + "</title></head><body><main><h1>"
                + Texts.format(locale, key + ".title") + "</h1><p role=\"alert\">"
                + Texts.format(locale, key) + "</p></main></body></html>");
    }
}
