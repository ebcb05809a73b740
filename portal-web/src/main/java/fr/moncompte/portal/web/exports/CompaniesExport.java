package fr.moncompte.portal.web.exports;

import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory.CompanyOrder;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;

/** "Entreprises" as CSV, searched as on screen ({@code ?q=}), in the caller's scope ({@link CompanyDirectory}). */
@WebServlet("/companies/export.csv")
public class CompaniesExport extends CsvExport<Company> {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CompanyDirectory companies;

    @Override
    protected String name(Locale locale) {
        return text(locale, "exports.companies.file");
    }

    @Override
    protected List<String> headers() {
        return List.of("companies.field.legalName", "companies.field.legalForm", "companies.siren",
                "companies.field.siret", "companies.field.vatNumber", "companies.field.addressLine",
                "companies.field.postalCode", "companies.field.city", "companies.field.contactEmail",
                "companies.field.contactPhone", "companies.billingMode", "companies.customerAccount");
    }

    @Override
    protected List<Company> rows(HttpServletRequest request, int first, Company last, int max) {
        return companies.findCompanies(request.getParameter("q"), CompanyOrder.NAME, true, first, max);
    }

    @Override
    protected Object[] cells(Company c, Locale locale) {
        return new Object[]{c.getLegalName(), c.getLegalForm(), c.getSiren(), c.getSiret(), c.getVatNumber(),
                c.getAddressLine(), c.getPostalCode(), c.getCity(), c.getContactEmail(), c.getContactPhone(),
                text(locale, "companies.billingMode." + c.getBillingMode()), c.getCustomerAccount().getName()};
    }
}
