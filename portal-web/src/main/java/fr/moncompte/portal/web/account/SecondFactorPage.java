package fr.moncompte.portal.web.account;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.secondfactor.boundary.SecondFactors;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * "Mon compte › Sécurité › Validation en deux étapes" (issue 20): the person's factors with their last use, adding an
 * authenticator app (QR code, secret as text, a first code), removing a factor and making new recovery codes (the
 * current password asked each time). Recovery codes are shown once, on the page that made them.
 */
@Named
@ViewScoped
public class SecondFactorPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "secondFactor";

    @EJB
    SecondFactors factors;

    @Inject
    PageMessages messages;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    TimeDisplay timeDisplay;

    private transient List<SecondFactor> confirmed;

    private String enrolmentId;
    private String typedSecret;
    private String qrSvg;
    private String name;
    private String code;

    private String removing;
    private String password;

    private final List<String> shownCodes = new ArrayList<>();

    public List<SecondFactor> getFactors() {
        if (confirmed == null) {
            confirmed = factors.factors();
        }
        return confirmed;
    }

    public int getRecoveryCodesLeft() {
        return factors.recoveryCodesLeft();
    }

    public void startAuthenticatorApp() {
        SecondFactors.Enrolment enrolment = factors.startAuthenticatorApp();
        enrolmentId = enrolment.factorId();
        typedSecret = enrolment.typedSecret();
        qrSvg = enrolment.qrSvg();
        name = null;
        code = null;
        shownCodes.clear();
    }

    public void confirmAuthenticatorApp() {
        try {
            List<String> recovery = factors.confirmAuthenticatorApp(enrolmentId, name, code, password,
                    FacesRequests.sourceAddress());
            shownCodes.clear();
            shownCodes.addAll(recovery);
            enrolmentId = null;
            typedSecret = null;
            qrSvg = null;
            confirmed = null;
            messages.formInfo(FORM, recovery.isEmpty() ? "secondFactor.added" : "secondFactor.addedWithCodes");
        } catch (FieldsRefused refused) {
            refused.problems().forEach(problem -> messages.fieldError("enrol:" + problem.field(),
                    problem.messageKey()));
        } catch (NotFound gone) {
            enrolmentId = null;
            messages.formError(FORM, "secondFactor.enrolmentGone");
        } catch (PortalException refused) {
            messages.fieldError("enrol:password", refused.messageKey());
        } finally {
            code = null;
            password = null;
        }
    }

    public void cancelEnrolment() {
        enrolmentId = null;
        typedSecret = null;
        qrSvg = null;
    }

    /** The factor named by the {@code factor} parameter of the click: the list may have changed since it was drawn. */
    public void askRemoval() {
        removing = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("factor");
        shownCodes.clear();
    }

    public void remove() {
        try {
            factors.remove(removing, password, FacesRequests.sourceAddress());
            removing = null;
            confirmed = null;
            messages.formInfo(FORM, "secondFactor.removed");
        } catch (NotFound gone) {
            removing = null;
            confirmed = null;
            messages.formError(FORM, "secondFactor.gone");
        } catch (PortalException refused) {
            messages.fieldError("remove:password", refused.messageKey());
        } finally {
            password = null;
        }
    }

    public void cancelRemoval() {
        removing = null;
    }

    public void regenerateRecoveryCodes() {
        try {
            List<String> made = factors.regenerateRecoveryCodes(password, FacesRequests.sourceAddress());
            shownCodes.clear();
            shownCodes.addAll(made);
            messages.formInfo(FORM, "secondFactor.codesRenewed");
        } catch (PortalException refused) {
            messages.fieldError("recovery:password", refused.messageKey());
        } finally {
            password = null;
        }
    }

    public String time(Instant instant) {
        return instant == null ? "" : timeDisplay.format(instant, localeSelection.getLocale());
    }

    public boolean isEnrolling() {
        return enrolmentId != null;
    }

    public String getRemovingName() {
        return getFactors().stream().filter(factor -> factor.getId().equals(removing)).map(SecondFactor::getName)
                .findFirst().orElse("");
    }

    public boolean isRemoving() {
        return removing != null;
    }

    public List<String> getShownCodes() {
        return shownCodes;
    }

    public String getTypedSecret() {
        return typedSecret;
    }

    public String getQrSvg() {
        return qrSvg;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
