package fr.moncompte.portal.web.users;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.access.boundary.Invited;
import fr.moncompte.portal.domain.access.boundary.NewUser;
import fr.moncompte.portal.domain.access.boundary.UserCreation;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.web.error.NotFoundAnswer;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Utilisateurs › +": creates a user (names, e-mail, language, company, applications, role) and sends the invitation.
 * The company is chosen among those where the caller may create users, found by the start of its name or SIREN; its
 * configured applications are then offered. Operators create nobody (web.xml answers them 403). Nothing typed is
 * lost on a refusal.
 */
@Named
@ViewScoped
public class NewUserPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "newUser";

    @EJB
    UserCreation creation;

    @Inject
    PageMessages messages;

    @Inject
    LocaleSelection localeSelection;

    private String companyParameter;
    private String firstName;
    private String lastName;
    private String email;
    private String language = Language.DEFAULT.code();
    private boolean administrator;
    private String companySearch;
    private Long companyId;
    /** The companies the list offers, by id, with their labels. */
    private LinkedHashMap<Long, String> choices = new LinkedHashMap<>();
    private List<String> applications = new ArrayList<>();
    private transient List<ConfiguredApplication> offered;

    /** Opens the form; {@code ?company=} preselects a company (from its page), 404 outside the caller's reach. */
    public void open() throws IOException {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        searchCompanies();
        if (companyParameter != null && !companyParameter.isBlank()) {
            try {
                Company company = creation.company(NotFoundAnswer.idOf(companyParameter));
                companyId = company.getId();
                LinkedHashMap<Long, String> withIt = new LinkedHashMap<>();
                withIt.put(companyId, label(company));
                withIt.putAll(choices);
                choices = withIt;
            } catch (NotFound unknown) {
                NotFoundAnswer.send();
            } catch (PortalException refused) {
                messages.formError(FORM, refused.messageKey());
            }
        }
    }

    /**
     * The companies whose name or SIREN starts with what was typed (20 at most), for the company list; the company
     * already chosen stays in it.
     */
    public void searchCompanies() {
        LinkedHashMap<Long, String> found = new LinkedHashMap<>();
        if (companyId != null && choices.containsKey(companyId)) {
            found.put(companyId, choices.get(companyId));
        }
        creation.companies(companySearch).forEach(company -> found.putIfAbsent(company.getId(), label(company)));
        choices = found;
    }

    private static String label(Company company) {
        return company.getLegalName() + " (SIREN " + company.getSiren() + ")";
    }

    /** A company was chosen: its applications are offered; choices it does not offer are dropped. */
    public void companyChanged() {
        offered = null;
        Set<String> codes = new LinkedHashSet<>();
        getOffered().forEach(configured -> codes.add(configured.getApplication().getCode()));
        applications.retainAll(codes);
        if (!isRoleOffered()) {
            administrator = false;
        }
    }

    public List<ConfiguredApplication> getOffered() {
        if (offered == null) {
            offered = List.of();
            if (companyId != null) {
                try {
                    offered = creation.applications(companyId);
                } catch (PortalException refused) {
                    messages.formError(FORM, refused.messageKey());
                }
            }
        }
        return offered;
    }

    /** The role choice is offered only where the caller administers the company's account (not to a firm). */
    public boolean isRoleOffered() {
        try {
            return companyId != null && creation.mayAppointIn(companyId);
        } catch (PortalException refused) {
            return false;
        }
    }

    public String applicationName(ConfiguredApplication configured) {
        return configured.getApplication().name(localeSelection.current());
    }

    /**
     * Invites the person and goes back to the list, which says that the invitation went out: the same for a new address
     * and for one that has an account already (issue 19), so the page does not open a user's page.
     */
    public String create() {
        if (companyId == null) {
            messages.fieldError(FORM + ":company", "users.company.required");
            return null;
        }
        try {
            Invited invited = creation.create(new NewUser(firstName, lastName, email, Language.fromCode(language),
                    companyId, Set.copyOf(applications), administrator), FacesRequests.sourceAddress());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            messages.info("users.invited", invited.email(), invited.companyName());
            return "/users/index?faces-redirect=true";
        } catch (FieldsRefused refused) {
            refused.problems().forEach(problem -> messages.fieldErrorKeeping(FORM + ":" + problem.field(),
                    typed(problem.field()), problem.messageKey()));
        } catch (NotFound gone) {
            messages.formError(FORM, "access.gone");
        } catch (PortalException refused) {
            messages.formError(FORM, refused.messageKey(), refused.arguments().toArray());
        }
        return null;
    }

    private String typed(String field) {
        return switch (field) {
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            default -> email;
        };
    }

    public String companyName(Long id) {
        return choices.getOrDefault(id, "");
    }

    public String getCompanyParameter() {
        return companyParameter;
    }

    public void setCompanyParameter(String companyParameter) {
        this.companyParameter = companyParameter;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public void setAdministrator(boolean administrator) {
        this.administrator = administrator;
    }

    public String getCompanySearch() {
        return companySearch;
    }

    public void setCompanySearch(String companySearch) {
        this.companySearch = companySearch;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public void setCompanyId(Long companyId) {
        this.companyId = companyId;
    }

    public List<Long> getCompanyChoices() {
        return new ArrayList<>(choices.keySet());
    }

    public List<String> getApplications() {
        return applications;
    }

    public void setApplications(List<String> applications) {
        this.applications = applications == null ? new ArrayList<>() : new ArrayList<>(applications);
    }
}
