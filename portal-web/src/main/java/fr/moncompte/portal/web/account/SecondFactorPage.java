package fr.moncompte.portal.web.account;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.secondfactor.boundary.SecondFactors;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.EnrolmentGate;
import fr.moncompte.portal.web.session.FacesRequests;
import fr.moncompte.portal.web.session.PasskeySignInPage;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

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
    private Boolean required;

    private String enrolmentId;
    private String typedSecret;
    private String qrSvg;
    private String name;
    private String code;

    private String removing;
    private String continueTo;
    private String password;

    private final List<String> shownCodes = new ArrayList<>();

    private String passkeyId;
    private String passkeyOptions;
    private String passkeyAnswer;

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
            afterAdding();
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

    /** Starts adding a passkey: the current password first, then the browser asks the authenticator. */
    public void startPasskey() {
        shownCodes.clear();
        passkeyOptions = null;
        try {
            SecondFactors.PasskeyEnrolment enrolment = factors.startPasskey(name, password,
                    FacesRequests.sourceAddress());
            passkeyId = enrolment.factorId();
            passkeyOptions = enrolment.creationOptions();
        } catch (FieldsRefused refused) {
            refused.problems().forEach(problem -> messages.fieldError("passkey:" + problem.field(),
                    problem.messageKey()));
        } catch (PortalException refused) {
            if ("secondFactor.tooMany".equals(refused.messageKey())) {
                messages.formError(FORM, refused.messageKey());
            } else {
                messages.fieldError("passkey:password", refused.messageKey());
            }
        } finally {
            password = null;
        }
    }

    /** The authenticator's answer, sent by {@code passkeys.js}: checked, and the passkey named. */
    public void finishPasskey() {
        String answer = passkeyAnswer;
        passkeyAnswer = null;
        passkeyOptions = null;
        if (passkeyId == null) {
            messages.formError(FORM, "secondFactor.enrolmentGone");
            return;
        }
        if (answer == null || answer.startsWith("error:")) {
            String refusal = PasskeySignInPage.browserRefusal(answer);
            messages.formError(FORM, answer != null && answer.startsWith("error:InvalidStateError")
                    ? "secondFactor.passkeyExists" : "signin.passkeyCancelled".equals(refusal)
                    || "signin.passkeyWrong".equals(refusal) ? "secondFactor.passkeyCancelled" : refusal);
            return;
        }
        try {
            List<String> recovery = factors.confirmPasskey(passkeyId, name, answer, FacesRequests.sourceAddress());
            shownCodes.clear();
            shownCodes.addAll(recovery);
            confirmed = null;
            name = null;
            afterAdding();
            messages.formInfo(FORM, recovery.isEmpty() ? "secondFactor.passkeyAdded"
                    : "secondFactor.passkeyAddedWithCodes");
        } catch (FieldsRefused refused) {
            refused.problems().forEach(problem -> messages.fieldError("passkey:" + problem.field(),
                    problem.messageKey()));
        } catch (NotFound gone) {
            messages.formError(FORM, "secondFactor.enrolmentGone");
        } catch (PortalException refused) {
            messages.formError(FORM, refused.messageKey());
        } finally {
            passkeyId = null;
        }
    }

    /** A factor was added: a session that owed one goes on (its gate lifted), now that it has one. */
    private void afterAdding() {
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        if (session != null && session.getAttribute(EnrolmentGate.ATTRIBUTE) instanceof EnrolmentGate gate) {
            session.removeAttribute(EnrolmentGate.ATTRIBUTE);
            continueTo = gate.continueTo();
        }
    }

    /** Whether this session must add a factor before anything else. */
    public boolean isGated() {
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        return session != null && session.getAttribute(EnrolmentGate.ATTRIBUTE) != null;
    }

    /** Where to go on once the owed factor was added, if it just was. */
    public String getContinueTo() {
        return continueTo;
    }

    /** Asked of the boundary once per view: the page tests it in several places and phases. */
    public boolean isRequired() {
        if (required == null) {
            required = factors.required();
        }
        return required;
    }

    public String getPasskeyOptions() {
        return passkeyOptions;
    }

    public String getPasskeyAnswer() {
        return passkeyAnswer;
    }

    public void setPasskeyAnswer(String passkeyAnswer) {
        this.passkeyAnswer = passkeyAnswer;
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
            boolean passkey = getFactors().stream().anyMatch(factor -> factor.getId().equals(removing)
                    && factor.getKind() == SecondFactor.Kind.PASSKEY);
            factors.remove(removing, password, FacesRequests.sourceAddress());
            removing = null;
            confirmed = null;
            messages.formInfo(FORM, passkey ? "secondFactor.passkeyRemoved" : "secondFactor.removed");
        } catch (NotFound gone) {
            removing = null;
            confirmed = null;
            messages.formError(FORM, "secondFactor.gone");
        } catch (PortalException refused) {
            if ("secondFactor.lastRequired".equals(refused.messageKey())) {
                removing = null;
                messages.formError(FORM, refused.messageKey());
            } else {
                messages.fieldError("remove:password", refused.messageKey());
            }
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
