package fr.moncompte.portal.web.companies;

import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory.CompanyOrder;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.web.lists.SearchableList;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

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

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
