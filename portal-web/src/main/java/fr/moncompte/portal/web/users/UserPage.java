package fr.moncompte.portal.web.users;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.access.boundary.AccessAdministration.ApplicationAccess;
import fr.moncompte.portal.domain.access.boundary.AccessAdministration.CompanyAccess;
import fr.moncompte.portal.domain.access.boundary.AccessAdministration;
import fr.moncompte.portal.domain.access.boundary.AccountRoles.AccountRole;
import fr.moncompte.portal.domain.access.boundary.AccountRoles;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.organisation.boundary.PeopleDirectory;
import fr.moncompte.portal.domain.organisation.control.ReadOnly;
import fr.moncompte.portal.domain.secondfactor.boundary.SecondFactors;
import fr.moncompte.portal.web.error.NotFoundAnswer;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.Texts;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.CurrentUser;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * "Utilisateurs › (a user)": Informations (with disable/enable, confirmed first) and Applications (grant, or revoke
 * after a confirmation, each application configured on each of the user's companies). A user outside the caller's
 * scope, or an id that is no number, is "not found" (404).
 */
@Named
@ViewScoped
public class UserPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> MENUS = Set.of("informations", "applications");

    @EJB
    PeopleDirectory scope;

    @EJB
    AccessAdministration accessAdministration;

    @EJB
    AccountRoles accountRoles;

    @EJB
    SecondFactors secondFactors;

    @Inject
    CurrentUser currentUser;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    PageMessages messages;

    @Inject
    Texts texts;

    @Inject
    TimeDisplay timeDisplay;

    private String id;
    private String menu;
    private long userId;
    private transient UserAccount user;
    private ReadOnly readOnly;
    /** The status change waiting for its confirmation: true to enable, false to disable, null for none. */
    private Boolean confirming;
    private boolean erasing;

    @EJB
    transient fr.moncompte.portal.domain.account.boundary.Erasure erasure;
    private transient List<CompanyAccess> companies;
    /** The revocation waiting for its confirmation, or null. */
    private Revocation revoking;
    private transient List<AccountRole> roles;
    /** The role change waiting for its confirmation, or null. */
    private RoleChange roleChange;
    /** An operator's reset of the person's second factor, waiting for its confirmation. */
    private boolean resettingSecondFactor;
    private transient Integer factorCount;

    /** Making the user an administrator of an account, or a user only, once confirmed. */
    public record RoleChange(long accountId, String accountName, boolean administrator) implements Serializable {
    }

    /** An access to revoke once confirmed, with the names the question shows. */
    public record Revocation(long companyId, String companyName, String applicationCode, String applicationName)
            implements Serializable {
    }

    public void open() throws IOException {
        if (menu == null || !MENUS.contains(menu)) {
            menu = "informations";
        }
        try {
            userId = NotFoundAnswer.idOf(id);
            user = scope.userDetails(userId);
            readOnly = scope.whyReadOnly(userId).orElse(null);
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

    private Boolean statusChangeable;
    private boolean removing;

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
        return readOnly == null;
    }

    /**
     * Whether the caller may disable or enable this person everywhere, as the boundary says: not when the person
     * also belongs to companies the caller does not administer; the page then offers to remove them from the
     * caller's companies instead.
     */
    public boolean isStatusChangeable() {
        if (statusChangeable == null) {
            statusChangeable = scope.mayChangeStatus(userId);
        }
        return statusChangeable;
    }

    public void askToRemove() {
        removing = true;
    }

    public void cancelRemove() {
        removing = false;
    }

    public boolean isRemoving() {
        return removing;
    }

    /** Removes the person from the caller's companies, then goes back to the list: they may be out of sight now. */
    public String confirmRemove() {
        removing = false;
        try {
            int removed = scope.removeFromCallersCompanies(userId, FacesRequests.sourceAddress());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            messages.info("users.removed", removed);
            return "/users/index?faces-redirect=true";
        } catch (PortalException refused) {
            messages.formError("changeStatus", refused.messageKey());
            return null;
        }
    }

    /** Why the person may only read this user, as the boundary says it; null when they may change them. */
    /** For an operator: how many authenticator apps the person has (read once per request). */
    public int getSecondFactors() {
        if (factorCount == null) {
            factorCount = currentUser.isOperator() ? secondFactors.factorsOf(userId) : 0;
        }
        return factorCount;
    }

    /** Operators: erase the person's data on their request (issue 21), asked first. */
    public void askErasure() {
        erasing = true;
    }

    public void cancelErasure() {
        erasing = false;
    }

    public boolean isErasing() {
        return erasing;
    }

    public String confirmErasure() {
        erasing = false;
        try {
            String name = getUser().displayName();
            erasure.erase(userId, FacesRequests.sourceAddress());
            messages.info("erasure.done", name);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/users/index?faces-redirect=true";
        } catch (NotFound gone) {
            messages.formError("erasure", "access.gone");
        } catch (PortalException refused) {
            messages.formError("erasure", refused.messageKey(), refused.arguments().toArray());
        }
        return null;
    }

    public void askSecondFactorReset() {
        resettingSecondFactor = true;
    }

    public void cancelSecondFactorReset() {
        resettingSecondFactor = false;
    }

    public void confirmSecondFactorReset() {
        resettingSecondFactor = false;
        factorCount = null;
        try {
            secondFactors.resetFor(userId, FacesRequests.sourceAddress());
            messages.formInfo("secondFactor", "users.secondFactor.done", getUser().displayName());
        } catch (NotFound gone) {
            messages.formError("secondFactor", "access.gone");
        } catch (PortalException refused) {
            messages.formError("secondFactor", refused.messageKey());
        }
    }

    public boolean isResettingSecondFactor() {
        return resettingSecondFactor;
    }

    public ReadOnly getReadOnly() {
        return readOnly;
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

    /** The user's companies in scope, each with its applications and whether the caller may change them. */
    public List<CompanyAccess> getCompanies() {
        if (companies == null && userId != 0) {
            companies = accessAdministration.ofUser(userId);
        }
        return companies;
    }

    public void grant(CompanyAccess company, ApplicationAccess application) {
        revoking = null;
        try {
            accessAdministration.grant(userId, company.company().getId(), application.application().getCode(),
                    FacesRequests.sourceAddress());
            messages.formInfo("access", "access.granted", applicationName(application.application()),
                    company.company().getLegalName(), getUser().displayName());
        } catch (NotFound gone) {
            messages.formError("access", "access.gone");
        } catch (PortalException refused) {
            messages.formError("access", refused.messageKey());
        }
        companies = null;
    }

    /** First step of a revocation: the page asks to confirm, naming what will be lost. */
    public void askToRevoke(CompanyAccess company, ApplicationAccess application) {
        revoking = new Revocation(company.company().getId(), company.company().getLegalName(),
                application.application().getCode(), applicationName(application.application()));
    }

    public void cancelRevoke() {
        revoking = null;
    }

    public void confirmRevoke() {
        Revocation revocation = revoking;
        revoking = null;
        if (revocation == null) {
            return;
        }
        try {
            accessAdministration.revoke(userId, revocation.companyId(), revocation.applicationCode(),
                    FacesRequests.sourceAddress());
            messages.formInfo("access", "access.revoked", revocation.applicationName(), revocation.companyName(),
                    getUser().displayName());
        } catch (NotFound gone) {
            messages.formError("access", "access.gone");
        } catch (PortalException refused) {
            messages.formError("access", refused.messageKey());
        }
        companies = null;
    }

    /** The customer accounts of the user's companies, and whether they administer each. */
    public List<AccountRole> getRoles() {
        if (roles == null && userId != 0) {
            roles = accountRoles.of(userId);
        }
        return roles;
    }

    public void askRoleChange(AccountRole role, boolean administrator) {
        roleChange = new RoleChange(role.account().getId(), role.account().getName(), administrator);
    }

    public void cancelRoleChange() {
        roleChange = null;
    }

    public void confirmRoleChange() {
        RoleChange change = roleChange;
        roleChange = null;
        if (change == null) {
            return;
        }
        try {
            accountRoles.change(userId, change.accountId(), change.administrator(), FacesRequests.sourceAddress());
            messages.formInfo("role", change.administrator() ? "users.role.appointed" : "users.role.removed",
                    getUser().displayName(), change.accountName());
        } catch (NotFound gone) {
            messages.formError("role", "access.gone");
        } catch (PortalException refused) {
            messages.formError("role", refused.messageKey());
        }
        roles = null;
    }

    public RoleChange getRoleChange() {
        return roleChange;
    }

    public Revocation getRevoking() {
        return revoking;
    }

    public String applicationName(Application application) {
        return application.name(localeSelection.current());
    }

    /** The period of a configured application, in words: "depuis le 1 janvier 2026", "du … au …". */
    public String period(ApplicationAccess application) {
        return application.configured().map(configured -> configured.getEndDate() == null
                        ? texts.format("access.period.from", timeDisplay.day(configured.getStartDate()))
                        : texts.format("access.period.between", timeDisplay.day(configured.getStartDate()),
                        timeDisplay.day(configured.getEndDate())))
                .orElse(texts.get("access.period.ended"));
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
