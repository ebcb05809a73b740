package fr.moncompte.portal.billing.payment.boundary;

import fr.moncompte.portal.domain.PortalException;

/**
 * A payment provider's notice whose signature does not hold (no shared secret configured, a wrong or stale
 * signature): nothing is recorded, and the caller learns no more than that.
 */
public class NoticeRefused extends PortalException {

    private static final long serialVersionUID = 1L;

    public NoticeRefused() {
        super("billing.notice.signature");
    }
}
