package fr.moncompte.portal.web.api.token;

import fr.moncompte.portal.domain.token.SigningKeys;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;

/**
 * The public keys of the API's tokens as a JWKS, at the address applications look for it. A servlet, since it lies
 * outside {@code /api}; anyone may read it.
 */
@WebServlet("/.well-known/jwks.json")
public class JwksEndpoint extends HttpServlet {

    @Inject
    Config config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/jwk-set+json");
        response.setCharacterEncoding("UTF-8");
        // Short: during a rotation, applications see the new key within minutes.
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getWriter().write(SigningKeys.from(config).jwks());
    }
}
