package fr.moncompte.portal.web.users;

import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.boundary.CompanyScope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** The users of the companies in the caller's scope; selecting one and its menus come with the users issue. */
@Named
@RequestScoped
public class UsersPage {

    static final int PAGE_SIZE = 50;

    @EJB
    CompanyScope scope;

    private List<UserAccount> users;

    public List<UserAccount> getUsers() {
        if (users == null) {
            users = scope.users(0, PAGE_SIZE);
        }
        return users;
    }
}
