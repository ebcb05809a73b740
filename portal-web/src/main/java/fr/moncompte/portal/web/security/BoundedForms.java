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
 * reader's language. The API bounds its own bodies (see {@code BoundedBodies}).
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
            refuse(request, response, length > LIMIT ? 413 : 411);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        Locale locale = ApiLanguage.ofHeader(request.getHeader("Accept-Language"));
        response.setStatus(status);
        response.setHeader("Connection", "close"); // the rest of the body is not read
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        PrintWriter page = response.getWriter();
        page.print("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><title>"
                + Texts.format(locale, "page.tooLarge.title") + "</title></head><body><main><h1>"
                + Texts.format(locale, "page.tooLarge.title") + "</h1><p role=\"alert\">"
                + Texts.format(locale, "page.tooLarge") + "</p></main></body></html>");
    }
}
