package fr.moncompte.portal.web.companies;

import fr.moncompte.portal.domain.organisation.boundary.CompanyScope;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** The companies in the caller's scope; selecting one and its four menus come with the companies issue. */
@Named
@RequestScoped
public class CompaniesPage {

    static final int PAGE_SIZE = 50;

    @EJB
    CompanyScope scope;

    private List<Company> companies;

    public List<Company> getCompanies() {
        if (companies == null) {
            companies = scope.companies(0, PAGE_SIZE);
        }
        return companies;
    }
}
