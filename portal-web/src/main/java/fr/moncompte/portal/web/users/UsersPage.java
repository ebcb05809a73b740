package fr.moncompte.portal.web.users;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.boundary.PeopleDirectory.UserOrder;
import fr.moncompte.portal.domain.organisation.boundary.PeopleDirectory;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.lists.SearchableList;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * "Utilisateurs": the users of the companies in the caller's scope, searched, sorted and paged by the database, with
 * a new invitation for those who have not signed up yet; each name opens the user's page.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;

    @EJB
    PeopleDirectory scope;

    @Inject
    PageMessages messages;

    private final SearchableList<UserAccount> model = new SearchableList<>(
            (search, sortField, ascending, first, max) ->
                    scope.findUsers(search, order(sortField), ascending, first, max),
            search -> scope.countUsers(search), UserAccount::getId);

    private String search;

    static UserOrder order(String sortField) {
        if (sortField == null) {
            return UserOrder.NAME;
        }
        return switch (sortField) {
            case "email" -> UserOrder.EMAIL;
            case "status" -> UserOrder.STATUS;
            default -> UserOrder.NAME;
        };
    }

    public void runSearch() {
        model.search(search);
    }

    /** Sends an invited user a new invitation; the earlier link stops working. */
    public void resendInvitation(long userId) {
        try {
            scope.resendInvitation(userId, FacesRequests.sourceAddress());
            messages.info("users.invitationSent", scope.user(userId).getEmail());
        } catch (PortalException refused) {
            messages.error(refused.messageKey());
        }
    }

    /** The button shows where the caller may act; the boundary checks it again. */
    public boolean mayResendInvitation(UserAccount user) {
        return user.getStatus() == AccountStatus.INVITED && scope.whyReadOnly(user.getId()).isEmpty();
    }

    /** The CSV of the list as searched on screen. */
    public String getExportQuery() {
        return fr.moncompte.portal.web.exports.ExportLinks.query("q", model.getSearch());
    }

    public SearchableList<UserAccount> getModel() {
        return model;
    }

    public int getPageSize() {
        return PAGE_SIZE;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
