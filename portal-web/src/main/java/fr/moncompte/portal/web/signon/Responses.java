package fr.moncompte.portal.web.signon;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import fr.moncompte.portal.web.i18n.Texts;
import org.eclipse.microprofile.config.Config;

import java.net.URI;

/** The answers sent back to an application's redirect address, built by Nimbus, with the issuer (RFC 9207). */
final class Responses {

    private Responses() {
    }

    static URI success(Config config, String redirectUri, String code, String state) {
        return new AuthorizationSuccessResponse(URI.create(redirectUri), new AuthorizationCode(code), null,
                state == null ? null : new State(state), new Issuer(Endpoints.issuer(config)), ResponseMode.QUERY)
                .toURI();
    }

    /**
     * Sends the browser to an application with a page rather than a 302: after a form of the portal (sign-in, the
     * company choice), a redirect to another origin is what the Content-Security-Policy's {@code form-action 'self'}
     * forbids, and Chromium drops it. A navigation the page makes itself is no form's; the link is there for anyone
     * whose browser does not follow a refresh.
     */
    static void navigate(jakarta.servlet.http.HttpServletResponse response, URI to, java.util.Locale locale)
            throws java.io.IOException {
        String href = to.toString().replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                .replace(">", "&gt;");
        response.resetBuffer();
        response.setStatus(200);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String text = Texts.format(locale, "signon.continue").replace("&", "&amp;").replace("<", "&lt;");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head>"
                + "<meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + href + "\"><title>" + text + "</title></head>"
                + "<body><p><a id=\"continue\" href=\"" + href + "\">" + text + "</a></p></body></html>");
    }

    static URI error(Config config, String redirectUri, ErrorObject error, String state) {
        return new AuthorizationErrorResponse(URI.create(redirectUri), error, state == null ? null : new State(state),
                new Issuer(Endpoints.issuer(config)), ResponseMode.QUERY).toURI();
    }
}
