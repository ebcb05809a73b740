package fr.moncompte.portal.web.users;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.boundary.CompanyScope;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * "Utilisateurs › (a user)": Informations and Applications, read for now (changing status and access comes next in
 * the access issue). A user outside the caller's scope, or an id that is no number, is "not found" (404).
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

    private String id;
    private String menu;
    private long userId;
    private transient UserAccount user;

    public void open() throws IOException {
        if (menu == null || !MENUS.contains(menu)) {
            menu = "informations";
        }
        try {
            userId = Long.parseLong(id == null ? "" : id);
            user = scope.userDetails(userId);
        } catch (NumberFormatException | NotFound unknown) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
        }
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
