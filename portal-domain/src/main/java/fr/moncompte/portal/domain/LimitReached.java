package fr.moncompte.portal.domain;

/**
 * A bound on how often someone may do something (mails sent on their behalf, invitations, feedback) is reached for
 * now: the same request later will do. The API answers 429.
 */
public class LimitReached extends PortalException {

    public LimitReached(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
