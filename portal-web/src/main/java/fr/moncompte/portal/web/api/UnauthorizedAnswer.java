package fr.moncompte.portal.web.api;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The 401 of the API (the error page web.xml names for it): no token, or one refused by the verification (another
 * issuer, expired, an unknown key, a bad signature) answer alike, as problem+json with a {@code WWW-Authenticate}
 * challenge (RFC 6750). Only the API answers 401: pages lead to the sign-in form instead.
 */
@WebServlet("/api/unauthorized")
public class UnauthorizedAnswer extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authorization = request.getHeader("Authorization");
        boolean tokenSent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String code = tokenSent ? "api.token.refused" : "api.unauthorized";
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        Problem problem = Problems.problem(ApiLanguage.ofHeader(request.getHeader("Accept-Language")), 401, code,
                uri == null ? request.getRequestURI() : uri.toString(), null);
        response.setStatus(401);
        response.setHeader("WWW-Authenticate",
                "Bearer realm=\"moncompte\"" + (tokenSent ? ", error=\"invalid_token\"" : ""));
        response.setContentType(PortalApi.PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(problem));
    }
}
