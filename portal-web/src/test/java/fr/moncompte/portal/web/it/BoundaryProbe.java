package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.access.boundary.AccessAdministration;
import fr.moncompte.portal.domain.access.boundary.AccountRoles;
import fr.moncompte.portal.domain.access.boundary.NewUser;
import fr.moncompte.portal.domain.access.boundary.UserCreation;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.boundary.PeopleDirectory;
import fr.moncompte.portal.domain.organisation.entity.CompanyDetails;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * Test-only (never in the shipped WAR): calls one method of the administration boundaries as the signed-in caller,
 * as a page or the REST API would, and answers how it ended: {@code ok}, {@code not-found}, {@code refused:<key>}
 * or {@code denied} (the role may not call it). GET answers a fingerprint of what the boundaries change (access,
 * accounts, memberships, companies), for the test to see that nothing changed; {@code GET ?events=TYPE} how many
 * domain events of that type the notifications module has received.
 */
@WebServlet("/it/boundary")
@ServletSecurity(@HttpConstraint(rolesAllowed = "USER"))
public class BoundaryProbe extends HttpServlet {

    @EJB
    CompanyDirectory companies;

    @EJB
    PeopleDirectory people;

    @EJB
    AccessAdministration access;

    @EJB
    UserCreation creation;

    @EJB
    AccountRoles roles;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @PersistenceContext(unitName = "notifications")
    EntityManager notifications;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long a = Long.parseLong(request.getParameter("a"));
        long b = request.getParameter("b") == null ? 0 : Long.parseLong(request.getParameter("b"));
        String code = request.getParameter("code");
        String address = request.getRemoteAddr();
        String outcome;
        try {
            switch (request.getParameter("call")) {
                case "company" -> companies.company(a);
                case "companyApplications" -> companies.applications(a);
                case "companyAccess" -> companies.access(a);
                case "updateCompany" -> companies.updateCompany(a, new CompanyDetails("Forged SARL", "SARL", null,
                        null, null, null, null, null, null), address);
                case "user" -> people.userDetails(a);
                case "disable" -> people.changeStatus(a, false, address);
                case "enable" -> people.changeStatus(a, true, address);
                case "resendInvitation" -> people.resendInvitation(a, address);
                case "userAccess" -> access.ofUser(a);
                case "grant" -> access.grant(a, b, code, address);
                case "revoke" -> access.revoke(a, b, code, address);
                case "roles" -> roles.of(a);
                case "appoint" -> roles.change(a, b, true, address);
                case "demote" -> roles.change(a, b, false, address);
                case "creationCompany" -> creation.company(a);
                case "creationApplications" -> creation.applications(a);
                case "create" -> creation.create(new NewUser("Forged", "Person", "forged." + System.nanoTime()
                        + "@example.com", Language.FR, a, code == null ? Set.of() : Set.of(code), b == 1), address);
                default -> throw new IllegalArgumentException(request.getParameter("call"));
            }
            outcome = "ok";
        } catch (NotFound unknown) {
            outcome = "not-found";
        } catch (PortalException refused) {
            outcome = "refused:" + refused.messageKey();
        } catch (EJBAccessException forbidden) {
            outcome = "denied";
        }
        response.setContentType("text/plain");
        response.getWriter().print(outcome);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if (request.getParameter("events") != null) {
            // How many events of a type reached the notifications module (each told to its recipients once).
            response.getWriter().print(notifications.createQuery(
                    "select count(distinct n.eventId) from Notification n where n.eventType = :type", Long.class)
                    .setParameter("type", request.getParameter("events")).getSingleResult());
            return;
        }
        response.getWriter().print(String.join("|",
                count("select count(g) from AccessGrant g"),
                count("select count(g) from AccessGrant g where g.revokedAt is null"),
                count("select count(u) from UserAccount u"),
                count("select count(u) from UserAccount u where u.status = fr.moncompte.portal.domain.account.entity.AccountStatus.DISABLED"),
                count("select count(m) from Company c join c.members m"),
                count("select sum(c.version) from Company c"),
                count("select count(a) from CustomerAccount c join c.administrators a"),
                count("select count(l) from AccountLink l")));
    }

    private String count(String query) {
        return String.valueOf(em.createQuery(query).getSingleResult());
    }
}
