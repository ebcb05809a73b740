package fr.moncompte.portal.web.account;

import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Mon compte › Accès aux services" (administrators): the applications of the account, company by company. */
@Named
@RequestScoped
public class ServicesPage {

    @EJB
    CompanyDirectory scope;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    TimeDisplay timeDisplay;

    private List<CompanyServices> companies;

    /** One company and its configured applications. */
    public record CompanyServices(Company company, List<ConfiguredApplication> applications) {
    }

    public List<CompanyServices> getCompanies() {
        if (companies == null) {
            Map<Company, List<ConfiguredApplication>> byCompany = new LinkedHashMap<>();
            for (ConfiguredApplication configured : scope.services()) {
                byCompany.computeIfAbsent(configured.getCompany(), c -> new ArrayList<>()).add(configured);
            }
            companies = byCompany.entrySet().stream()
                    .map(entry -> new CompanyServices(entry.getKey(), entry.getValue())).toList();
        }
        return companies;
    }

    public String name(ConfiguredApplication configured) {
        return configured.getApplication().name(localeSelection.current());
    }

    /** Whether the application runs today, said in words on the page. */
    public boolean activeToday(ConfiguredApplication configured) {
        return configured.isActiveOn(timeDisplay.today());
    }
}
