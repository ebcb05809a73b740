package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.secondfactor.control.FactorSecrets;
import fr.moncompte.portal.domain.secondfactor.control.TotpCodes;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import java.io.IOException;
import java.time.Instant;

/**
 * Test-only (never in the shipped WAR): gives the demo operator more authenticator apps, each with a secret the tests
 * know ({@link OperatorCodes}). The operator must sign in with a code, a code serves once, and the tests sign the
 * operator in far more often than once per 30-second step: with several apps, each of their codes is still checked
 * for real by the sign-in. POST {@code secret} (Base32), {@code name}; answers how many were added (0 or 1).
 */
@WebServlet("/it/operator-apps")
public class OperatorAppsProbe extends HttpServlet {

    static final long OPERATOR = 1;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    FactorSecrets secrets;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        try {
            transaction.begin();
            boolean present = !em.createQuery("select f from SecondFactor f where f.accountId = :a and f.name = :n",
                    SecondFactor.class).setParameter("a", OPERATOR).setParameter("n", name).getResultList().isEmpty();
            if (!present) {
                SecondFactor app = SecondFactor.authenticatorApp(OPERATOR,
                        secrets.seal(TotpCodes.fromBase32(request.getParameter("secret"))), Instant.now());
                app.confirm(name, 0, Instant.now());
                em.persist(app);
            }
            transaction.commit();
            response.setContentType("text/plain");
            response.getWriter().print(present ? 0 : 1);
        } catch (Exception e) {
            throw new IOException("Could not add " + name, e);
        }
    }
}
