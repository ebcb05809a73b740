package fr.moncompte.portal.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: HttpOnly, and Secure wherever the portal is served over HTTPS ({@code portal.session.secure-cookie},
 * true by default; the quick start and the tests, on local http, turn it off). SameSite is set on Payara's HTTP
 * listener (README, "Configuration"): Payara 6 ignores the cookie attributes an application sets.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(ConfigProvider.getConfig()
                .getOptionalValue("portal.session.secure-cookie", Boolean.class).orElse(true));
    }
}
