package fr.moncompte.portal.web.companies;

import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory.CompanyOrder;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.web.lists.SearchableList;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** "Entreprises": the companies in the caller's scope, searched, sorted and paged by the database. */
@Named
@ViewScoped
public class CompaniesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 20;

    @EJB
    CompanyDirectory scope;

    private final SearchableList<Company> model = new SearchableList<>(
            (search, sortField, ascending, first, max) ->
                    scope.findCompanies(search, order(sortField), ascending, first, max),
            search -> scope.countCompanies(search), Company::getId);

    private String search;

    static CompanyOrder order(String sortField) {
        if (sortField == null) {
            return CompanyOrder.NAME;
        }
        return switch (sortField) {
            case "siren" -> CompanyOrder.SIREN;
            case "city" -> CompanyOrder.CITY;
            default -> CompanyOrder.NAME;
        };
    }

    public void runSearch() {
        model.search(search);
    }

    public SearchableList<Company> getModel() {
        return model;
    }

    public int getPageSize() {
        return PAGE_SIZE;
    }

    /** The CSV of the list as searched on screen. */
    public String getExportQuery() {
        return fr.moncompte.portal.web.exports.ExportLinks.query("q", model.getSearch());
    }

    @EJB
    fr.moncompte.portal.domain.organisation.boundary.BillingMoves moves;

    @jakarta.inject.Inject
    fr.moncompte.portal.web.i18n.TimeDisplay time;

    @jakarta.inject.Inject
    fr.moncompte.portal.web.i18n.Texts t;

    private transient List<String> upcoming;

    /** The billing moves to come that concern the caller, in words ("Boulangerie Martin SARL: … from January 2027"). */
    public List<String> getUpcoming() {
        if (upcoming == null) {
            upcoming = moves.upcoming().stream().map(a -> a.getBillingMode()
                    == fr.moncompte.portal.domain.organisation.entity.BillingMode.FIRM
                    ? t.format("billingMoves.upcoming.firm", a.getCompany().getLegalName(),
                    a.getAccountingFirm().getName(), time.month(a.getMonth()))
                    : t.format("billingMoves.upcoming.direct", a.getCompany().getLegalName(),
                    time.month(a.getMonth()))).toList();
        }
        return upcoming;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
