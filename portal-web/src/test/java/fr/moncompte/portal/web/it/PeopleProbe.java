package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.entity.Company;
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

/**
 * Test-only (never in the shipped WAR): makes a person for one test ({@link People}). POST {@code company}, {@code
 * first}, {@code last}, {@code language} (FR or EN), {@code active} (true: with the demo password; false: invited)
 * and {@code domain} (of the e-mail address), optionally {@code also} (a second company they belong to) and
 * {@code administrator} (true: they administer the company's customer account) and {@code operator} (true: one of
 * the vendor's operators); answers
 * {@code id|email}.
 */
@WebServlet("/it/people")
public class PeopleProbe extends HttpServlet {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    PasswordHashing hashing;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8"); // names with accents, as Fixtures sends them
        if (request.getParameter("expireInvitationsOf") != null) {
            // A week later for one person's invitations to join a company, without moving everybody's clock.
            try {
                transaction.begin();
                int expired = em.createNativeQuery("update company_invitation set expires_at = created_at"
                                + " where account_id = ?1")
                        .setParameter(1, Long.parseLong(request.getParameter("expireInvitationsOf"))).executeUpdate();
                transaction.commit();
                response.setContentType("text/plain");
                response.getWriter().print(expired);
                return;
            } catch (Exception e) {
                throw new IOException("Could not expire the invitations", e);
            }
        }
        People.Wanted wanted = new People.Wanted(Long.parseLong(request.getParameter("company")),
                request.getParameter("first"), request.getParameter("last"),
                Language.valueOf(request.getParameter("language")),
                Boolean.parseBoolean(request.getParameter("active")), request.getParameter("domain"));
        try {
            transaction.begin();
            UserAccount person = People.make(em, hashing, wanted);
            if (request.getParameter("also") != null) {
                em.find(Company.class, Long.parseLong(request.getParameter("also"))).addMember(person);
            }
            if (Boolean.parseBoolean(request.getParameter("operator"))) {
                em.flush();
                em.createNativeQuery("update user_account set operator = TRUE where id = ?1")
                        .setParameter(1, person.getId()).executeUpdate();
            }
            if (Boolean.parseBoolean(request.getParameter("administrator"))) {
                em.find(Company.class, wanted.companyId()).getCustomerAccount().addAdministrator(person);
            }
            transaction.commit();
            response.setContentType("text/plain");
            response.getWriter().print(person.getId() + "|" + person.getEmail());
        } catch (Exception e) {
            throw new IOException("Could not make " + wanted, e);
        }
    }
}
