package fr.moncompte.portal.web.users;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.boundary.CompanyScope;
import fr.moncompte.portal.web.error.NotFoundAnswer;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * "Utilisateurs › (a user)": Informations (with disable/enable, confirmed first) and Applications (read for now;
 * granting and revoking come next in the access issue). A user outside the caller's scope, or an id that is no
 * number, is "not found" (404).
 */
@Named
@ViewScoped
public class UserPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> MENUS = Set.of("informations", "applications");

    @EJB
    CompanyScope scope;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    PageMessages messages;

    private String id;
    private String menu;
    private long userId;
    private transient UserAccount user;
    private boolean changeable;
    /** The status change waiting for its confirmation: true to enable, false to disable, null for none. */
    private Boolean confirming;

    public void open() throws IOException {
        if (menu == null || !MENUS.contains(menu)) {
            menu = "informations";
        }
        try {
            userId = NotFoundAnswer.idOf(id);
            user = scope.userDetails(userId);
            changeable = scope.mayChange(userId);
        } catch (NotFound unknown) {
            NotFoundAnswer.send();
        }
    }

    /** First step: the page asks to confirm, in words, what will happen. */
    public void askToEnable(boolean enable) {
        confirming = enable;
    }

    public void cancel() {
        confirming = null;
    }

    public void confirm() {
        boolean enable = Boolean.TRUE.equals(confirming);
        confirming = null;
        try {
            user = scope.changeStatus(userId, enable, FacesRequests.sourceAddress());
            messages.formInfo("changeStatus", enable ? "users.enabled" : "users.disabled", user.displayName());
        } catch (PortalException refused) {
            user = null;
            messages.formError("changeStatus", refused.messageKey());
        }
    }

    public boolean isChangeable() {
        return changeable;
    }

    public Boolean getConfirming() {
        return confirming;
    }

    public UserAccount getUser() {
        if (user == null && userId != 0) {
            user = scope.user(userId);
        }
        return user;
    }

    public List<AccessGrant> getAccess() {
        return scope.userAccess(userId);
    }

    public String applicationName(AccessGrant grant) {
        return grant.getApplication().name(localeSelection.current());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getMenu() {
        return menu;
    }

    public void setMenu(String menu) {
        this.menu = menu;
    }
}
