package fr.moncompte.portal.web.api;

import fr.moncompte.portal.domain.PortalException;

/** A request the API cannot read (a parameter or a body of the wrong shape): answered 400 with the key's message. */
public class InvalidRequest extends PortalException {

    public InvalidRequest(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
