package fr.moncompte.portal.web.companies;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import fr.moncompte.portal.domain.secondfactor.boundary.SecondFactorRequirement;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The second-factor requirement of the company's customer account, on the company's page (issue 20, point 3): shown
 * to whoever sees the company, changed by the account's administrators ({@link SecondFactorRequirement} decides).
 */
@Named
@RequestScoped
public class SecondFactorRequirementPage {

    private static final String FORM = "requirement";

    @EJB
    SecondFactorRequirement requirement;

    @Inject
    CompanyPage companyPage;

    @Inject
    PageMessages messages;

    private Boolean mayChange;

    public CustomerAccount getAccount() {
        return companyPage.getCompany() == null ? null : companyPage.getCompany().getCustomerAccount();
    }

    /** Asked of the boundary once per request: the page tests it in several phases. */
    public boolean isMayChange() {
        if (mayChange == null) {
            mayChange = getAccount() != null && requirement.mayChange(getAccount().getId());
        }
        return mayChange;
    }

    public void require() {
        change(true);
    }

    public void stop() {
        change(false);
    }

    private void change(boolean required) {
        try {
            requirement.require(getAccount().getId(), required, FacesRequests.sourceAddress());
            companyPage.reload();
            messages.formInfo(FORM, required ? "secondFactor.requirement.required"
                    : "secondFactor.requirement.optional");
        } catch (NotFound notTheirs) {
            messages.formError(FORM, "secondFactor.requirement.notAdmin");
        } catch (PortalException refused) {
            messages.formError(FORM, refused.messageKey());
        }
    }
}
