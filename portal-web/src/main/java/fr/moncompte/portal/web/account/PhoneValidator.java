package fr.moncompte.portal.web.account;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.account.control.PhoneNumber;
import fr.moncompte.portal.web.i18n.Texts;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Checks a phone number as the page is submitted, with the domain's own rule, so that a wrong number fails
 * validation the Faces way: nothing is saved, every field keeps what was typed, the input is marked invalid. The
 * boundary checks it again (SPEC §4: the EJB layer holds every rule).
 */
@FacesValidator("portal.phoneNumber")
public class PhoneValidator implements Validator<String> {

    @Override
    public void validate(FacesContext context, UIComponent component, String typed) {
        try {
            PhoneNumber.normalise(typed);
        } catch (PortalException refused) {
            String text = CDI.current().select(Texts.class).get().format(refused.messageKey());
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }
}
