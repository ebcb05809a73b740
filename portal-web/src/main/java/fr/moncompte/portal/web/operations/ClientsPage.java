package fr.moncompte.portal.web.operations;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.boundary.ClientHit;
import fr.moncompte.portal.domain.organisation.boundary.NewAdministrator;
import fr.moncompte.portal.domain.organisation.boundary.NewCompany;
import fr.moncompte.portal.domain.organisation.boundary.NewCustomer;
import fr.moncompte.portal.domain.organisation.boundary.NewFirm;
import fr.moncompte.portal.domain.organisation.boundary.Onboarded;
import fr.moncompte.portal.domain.organisation.boundary.Onboarding;
import fr.moncompte.portal.domain.organisation.entity.AccountingFirm;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import fr.moncompte.portal.domain.organisation.boundary.Closing;
import fr.moncompte.portal.web.i18n.DayField;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import java.time.LocalDate;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Back-office › Clients" (issue 21): an operator finds any account, firm, company or person by name, SIREN or
 * e-mail; opens a customer account (its administrators and companies) and adds a company to it; creates a client
 * (account, first company, first administrator, who is invited) or an accounting firm. {@link Onboarding} checks and
 * decides; each refused field is marked and everything typed stays.
 */
@Named
@ViewScoped
public class ClientsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String CUSTOMER = "customer";
    static final String FIRM = "firm";
    static final String COMPANY = "company";

    @EJB
    Onboarding onboarding;

    @Inject
    PageMessages messages;

    @EJB
    Closing closing;

    @Inject
    TimeDisplay time;

    private String closeDay;
    private boolean confirmingClose;

    private String q;
    private String account;
    private transient List<ClientHit> hits;
    private transient CustomerAccount opened;
    private transient Optional<AccountingFirm> openedFirm;
    private transient List<Company> companies;
    private final Map<String, String> customer = blank();
    private final Map<String, String> firm = blank();
    private final Map<String, String> company = blank();
    private final Map<String, String> administrator = blank();

    private static Map<String, String> blank() {
        Map<String, String> form = new HashMap<>();
        form.put("billingLanguage", "fr");
        form.put("language", "fr");
        return form;
    }

    public List<ClientHit> getHits() {
        if (hits == null) {
            hits = onboarding.find(q);
        }
        return hits;
    }

    /** The customer account named by {@code ?account=}, or null (none, or no such account). */
    public CustomerAccount getOpened() {
        if (opened == null && account != null) {
            try {
                opened = onboarding.account(Long.parseLong(account.strip()));
            } catch (NumberFormatException | NotFound unknown) {
                account = null;
            }
        }
        return opened;
    }

    public AccountingFirm getOpenedFirm() {
        if (openedFirm == null) {
            openedFirm = getOpened() == null ? Optional.empty() : onboarding.firmOf(getOpened().getId());
        }
        return openedFirm.orElse(null);
    }

    public List<Company> getCompanies() {
        if (companies == null) {
            companies = getOpened() == null ? List.of() : onboarding.companiesOf(getOpened().getId());
        }
        return companies;
    }

    public List<UserAccount> getAdministrators() {
        return getOpened() == null ? List.of() : getOpened().getAdministrators().stream()
                .sorted(Comparator.comparing(UserAccount::getLastName).thenComparing(UserAccount::getFirstName))
                .toList();
    }

    /** Where a hit leads: a company's or a person's page, or an account opened here. */
    public String link(ClientHit hit) {
        String root = FacesRequests.current().getContextPath();
        return switch (hit.kind()) {
            case COMPANY -> root + "/companies/company.xhtml?id=" + hit.id();
            case PERSON -> root + "/users/user.xhtml?id=" + hit.id();
            default -> root + "/operations/clients.xhtml?account=" + hit.accountId();
        };
    }

    public void createCustomer() {
        try {
            Onboarded made = onboarding.createCustomer(new NewCustomer(customer.get("name"),
                    Language.fromCode(customer.get("billingLanguage")), customer.get("billingEmail"),
                    newCompany(customer), administrator(customer)), FacesRequests.sourceAddress());
            messages.info(made.existingPerson() ? "clients.created.existingPerson" : "clients.created",
                    customer.get("name"), customer.get("email"));
            customer.clear();
            customer.putAll(blank());
            open(made.accountId());
        } catch (FieldsRefused refused) {
            refused.problems().forEach(p -> messages.fieldError(CUSTOMER + ":" + p.field(), p.messageKey()));
        } catch (PortalException refused) {
            messages.formError(CUSTOMER, refused.messageKey());
        }
    }

    public void createFirm() {
        try {
            Onboarded made = onboarding.createFirm(new NewFirm(firm.get("name"), firm.get("siren"),
                    firm.get("vatNumber"), firm.get("addressLine"), firm.get("postalCode"), firm.get("city"),
                    firm.get("contactEmail"), Language.fromCode(firm.get("billingLanguage")), administrator(firm)),
                    FacesRequests.sourceAddress());
            messages.info("clients.firmCreated", firm.get("name"), firm.get("email"));
            firm.clear();
            firm.putAll(blank());
            open(made.accountId());
        } catch (FieldsRefused refused) {
            refused.problems().forEach(p -> messages.fieldError(FIRM + ":" + p.field(), p.messageKey()));
        } catch (PortalException refused) {
            messages.formError(FIRM, refused.messageKey());
        }
    }

    public void addCompany() {
        if (getOpened() == null) {
            messages.formError(COMPANY, "error.notFound");
            return;
        }
        try {
            Company added = onboarding.addCompany(getOpened().getId(), newCompany(company),
                    FacesRequests.sourceAddress());
            messages.formInfo(COMPANY, "clients.companyAdded", added.getLegalName());
            company.clear();
            company.putAll(blank());
            companies = null;
        } catch (FieldsRefused refused) {
            refused.problems().forEach(p -> messages.fieldError(COMPANY + ":" + p.field(), p.messageKey()));
        } catch (NotFound gone) {
            messages.formError(COMPANY, "error.notFound");
        } catch (PortalException refused) {
            messages.formError(COMPANY, refused.messageKey());
        }
    }

    /** Closes the opened account at the typed last day, once confirmed (the form asks first). */
    public void askClose() {
        LocalDate day = DayField.of(closeDay).day();
        if (day == null) {
            messages.fieldError("closing:lastDay", "closing.lastDay.required");
            return;
        }
        confirmingClose = true;
    }

    public void cancelClose() {
        confirmingClose = false;
    }

    public void close() {
        confirmingClose = false;
        try {
            CustomerAccount closed = closing.close(getOpened().getId(), DayField.of(closeDay).day(),
                    FacesRequests.sourceAddress());
            messages.formInfo("closing", "closing.done", closed.getName(), time.day(closed.getLastDay()),
                    time.day(closed.getAnonymiseAfter()));
            open(closed.getId());
        } catch (FieldsRefused refused) {
            refused.problems().forEach(p -> messages.fieldError("closing:" + p.field(), p.messageKey()));
        } catch (NotFound gone) {
            messages.formError("closing", "error.notFound");
        } catch (PortalException refused) {
            messages.formError("closing", refused.messageKey());
        }
    }

    public boolean isConfirmingClose() {
        return confirmingClose;
    }

    public String getCloseDay() {
        return closeDay;
    }

    public void setCloseDay(String closeDay) {
        this.closeDay = closeDay;
    }

    public String day(LocalDate day) {
        return time.day(day);
    }

    /** Another administrator for the opened account (a firm's, above all), invited. */
    public void addAdministrator() {
        if (getOpened() == null) {
            messages.formError("administrator", "error.notFound");
            return;
        }
        try {
            onboarding.addAdministrator(getOpened().getId(), administrator(administrator),
                    FacesRequests.sourceAddress());
            messages.formInfo("administrator", "clients.administratorAdded", administrator.get("email"));
            administrator.clear();
            administrator.putAll(blank());
            open(getOpened().getId());
        } catch (FieldsRefused refused) {
            refused.problems().forEach(p -> messages.fieldError("administrator:" + p.field(), p.messageKey()));
        } catch (NotFound gone) {
            messages.formError("administrator", "error.notFound");
        } catch (PortalException refused) {
            messages.formError("administrator", refused.messageKey());
        }
    }

    public Map<String, String> getAdministrator() {
        return administrator;
    }

    private void open(long accountId) {
        account = Long.toString(accountId);
        opened = null;
        openedFirm = null;
        companies = null;
        hits = null;
    }

    private static NewCompany newCompany(Map<String, String> form) {
        return new NewCompany(form.get("siren"), form.get("legalName"), form.get("legalForm"), form.get("siret"),
                form.get("vatNumber"), form.get("addressLine"), form.get("postalCode"), form.get("city"),
                form.get("contactEmail"), form.get("contactPhone"));
    }

    private static NewAdministrator administrator(Map<String, String> form) {
        return new NewAdministrator(form.get("firstName"), form.get("lastName"), form.get("email"),
                Language.fromCode(form.get("language")));
    }

    public Map<String, String> getCustomer() {
        return customer;
    }

    public Map<String, String> getFirm() {
        return firm;
    }

    public Map<String, String> getCompany() {
        return company;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
        this.hits = null;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
        this.opened = null;
    }
}
