package fr.moncompte.portal.web.companies;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.control.ReadOnly;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CompanyDetails;
import fr.moncompte.portal.web.error.NotFoundAnswer;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.invoices.InvoiceListPage;
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
 * "Entreprises › (a company)": its four menus, Informations (editable by its administrators), Applications, Accès
 * utilisateur and Factures. A company outside the caller's scope, or an id that is no number, is "not found" (404).
 */
@Named
@ViewScoped
public class CompanyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> MENUS = Set.of("informations", "applications", "access", "invoices");

    @EJB
    CompanyDirectory scope;

    @Inject
    PageMessages messages;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    InvoiceListPage invoiceList;

    private String id;
    private String menu;
    private long companyId;
    private transient Company company;
    private ReadOnly readOnly;
    private Form form;

    /** Reads the company once, when the page opens; answers 404 for anything not in scope. */
    public void open() throws IOException {
        if (menu == null || !MENUS.contains(menu)) {
            menu = "informations";
        }
        try {
            companyId = NotFoundAnswer.idOf(id);
            company = scope.company(companyId);
            readOnly = scope.whyReadOnly(companyId).orElse(null);
            form = new Form(CompanyDetails.of(company));
            if ("invoices".equals(menu)) {
                invoiceList.restrictTo(companyId);
            }
        } catch (NotFound unknown) {
            NotFoundAnswer.send();
        }
    }

    public void save() {
        try {
            company = scope.updateCompany(companyId, form.details(), FacesRequests.sourceAddress());
            form = new Form(CompanyDetails.of(company));
            messages.formInfo("informations", "companies.saved");
        } catch (FieldsRefused refused) {
            refused.problems().forEach(problem -> messages.fieldErrorKeeping("informations:" + problem.field(),
                    form.value(problem.field()), problem.messageKey()));
        } catch (PortalException refused) {
            messages.formError("informations", refused.messageKey());
        }
    }

    public long getCompanyId() {
        return companyId;
    }

    public List<ConfiguredApplication> getApplications() {
        return scope.applications(companyId);
    }

    public List<CompanyDirectory.MemberAccess> getAccess() {
        return scope.access(companyId);
    }

    public String applicationName(Application application) {
        return application.name(localeSelection.current());
    }

    /** Whether this company's invoices go to an accounting firm the person does not administer (SPEC §5). */
    public boolean isInvoicesElsewhere() {
        return scope.invoicedToAnotherFirm(companyId);
    }

    public Company getCompany() {
        if (company == null && companyId != 0) {
            company = scope.company(companyId);
        }
        return company;
    }

    /** Reads the company again, after a change made beside this page's own form. */
    public void reload() {
        company = null;
    }

    public boolean isEditable() {
        return readOnly == null;
    }

    /** Why the person may only read this company, as the boundary says it; null when they may change it. */
    public ReadOnly getReadOnly() {
        return readOnly;
    }

    public Form getForm() {
        return form;
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

    /** The Informations form: what was typed stays, right or wrong, until it is saved. */
    public static class Form implements Serializable {

        private static final long serialVersionUID = 1L;

        private String legalName;
        private String legalForm;
        private String siret;
        private String vatNumber;
        private String addressLine;
        private String postalCode;
        private String city;
        private String contactEmail;
        private String contactPhone;

        Form(CompanyDetails details) {
            legalName = details.legalName();
            legalForm = details.legalForm();
            siret = details.siret();
            vatNumber = details.vatNumber();
            addressLine = details.addressLine();
            postalCode = details.postalCode();
            city = details.city();
            contactEmail = details.contactEmail();
            contactPhone = details.contactPhone();
        }

        /** What was typed in a field, by its name in {@link CompanyDetails}. */
        String value(String field) {
            return switch (field) {
                case "legalName" -> legalName;
                case "legalForm" -> legalForm;
                case "siret" -> siret;
                case "vatNumber" -> vatNumber;
                case "addressLine" -> addressLine;
                case "postalCode" -> postalCode;
                case "city" -> city;
                case "contactEmail" -> contactEmail;
                case "contactPhone" -> contactPhone;
                default -> throw new IllegalArgumentException(field);
            };
        }

        CompanyDetails details() {
            return new CompanyDetails(legalName, legalForm, siret, vatNumber, addressLine, postalCode, city,
                    contactEmail, contactPhone);
        }

        public String getLegalName() { return legalName; }
        public void setLegalName(String legalName) { this.legalName = legalName; }
        public String getLegalForm() { return legalForm; }
        public void setLegalForm(String legalForm) { this.legalForm = legalForm; }
        public String getSiret() { return siret; }
        public void setSiret(String siret) { this.siret = siret; }
        public String getVatNumber() { return vatNumber; }
        public void setVatNumber(String vatNumber) { this.vatNumber = vatNumber; }
        public String getAddressLine() { return addressLine; }
        public void setAddressLine(String addressLine) { this.addressLine = addressLine; }
        public String getPostalCode() { return postalCode; }
        public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public String getContactEmail() { return contactEmail; }
        public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
        public String getContactPhone() { return contactPhone; }
        public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    }
}
