package fr.moncompte.portal.web.users;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.boundary.CompanyScope;
import fr.moncompte.portal.web.i18n.PageMessages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * The users of the companies in the caller's scope, with a new invitation for those who have not signed up yet;
 * selecting one and its menus come with the users issue.
 */
@Named
@RequestScoped
public class UsersPage {

    static final int PAGE_SIZE = 50;

    @EJB
    CompanyScope scope;

    @Inject
    PageMessages messages;

    private List<UserAccount> users;

    /** Sends an invited user a new invitation; the earlier link stops working. */
    public void resendInvitation(long userId) {
        try {
            scope.resendInvitation(userId, ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                    .getRequest()).getRemoteAddr());
            messages.info("users.invitationSent", scope.user(userId).getEmail());
        } catch (PortalException refused) {
            messages.error(refused.messageKey());
        }
    }

    /** The button shows where the caller may act; the boundary checks it again. */
    public boolean mayResendInvitation(UserAccount user) {
        return user.getStatus() == AccountStatus.INVITED && scope.mayChange(user.getId());
    }

    public List<UserAccount> getUsers() {
        if (users == null) {
            users = scope.users(0, PAGE_SIZE);
        }
        return users;
    }
}
