package fr.moncompte.portal.web.exports;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.boundary.PeopleDirectory;
import fr.moncompte.portal.domain.organisation.boundary.PeopleDirectory.UserOrder;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;

/** "Utilisateurs" as CSV, searched as on screen ({@code ?q=}), in the caller's scope ({@link PeopleDirectory}). */
@WebServlet("/users/export.csv")
public class UsersExport extends CsvExport<UserAccount> {

    private static final long serialVersionUID = 1L;

    @EJB
    transient PeopleDirectory people;

    @Override
    protected String name(Locale locale) {
        return text(locale, "exports.users.file");
    }

    @Override
    protected List<String> headers() {
        return List.of("account.lastName", "account.firstName", "users.email", "account.phone", "users.language",
                "users.status");
    }

    @Override
    protected List<UserAccount> rows(HttpServletRequest request, int first, UserAccount last, int max) {
        return people.findUsers(request.getParameter("q"), UserOrder.NAME, true, first, max);
    }

    @Override
    protected Object[] cells(UserAccount user, Locale locale) {
        return new Object[]{user.getLastName(), user.getFirstName(), user.getEmail(), user.getPhone(),
                text(locale, "app.language." + user.getLanguage().code()),
                text(locale, "account.status." + user.getStatus())};
    }
}
