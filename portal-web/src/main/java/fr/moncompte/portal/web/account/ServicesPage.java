package fr.moncompte.portal.web.account;

import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.signon.boundary.SignOn;
import fr.moncompte.portal.domain.token.TokenSettings;
import jakarta.ejb.EJB;
import org.eclipse.microprofile.config.Config;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    private List<CompanyOpenable> openable;

    @EJB
    SignOn signOn;

    @Inject
    Config config;

    /** One company and its configured applications. */
    public record CompanyServices(Company company, List<ConfiguredApplication> applications) {
    }

    /** The applications the person may open, company by company (issue 22): everyone's part of the page. */
    public record CompanyOpenable(String company, List<SignOn.Openable> applications) {
    }

    public List<CompanyOpenable> getOpenable() {
        if (openable == null) {
            Map<String, List<SignOn.Openable>> byCompany = new LinkedHashMap<>();
            for (SignOn.Openable one : signOn.openable()) {
                byCompany.computeIfAbsent(one.companyName(), c -> new ArrayList<>()).add(one);
            }
            openable = byCompany.entrySet().stream().map(e -> new CompanyOpenable(e.getKey(), e.getValue())).toList();
        }
        return openable;
    }

    public String openName(SignOn.Openable one) {
        return localeSelection.current() == Language.EN ? one.nameEn() : one.nameFr();
    }

    /**
     * The application's own sign-in, started by the portal (OIDC Core §4, third-party initiated login): its address
     * with the issuer and the company as {@code company_hint}, so that it asks the portal for that company.
     */
    public String openUrl(SignOn.Openable one) {
        if (one.initiateLoginUri() == null) {
            return null;
        }
        return one.initiateLoginUri() + (one.initiateLoginUri().contains("?") ? "&" : "?") + "iss="
                + URLEncoder.encode(TokenSettings.issuer(config), StandardCharsets.UTF_8) + "&company_hint="
                + one.companyId();
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
