package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.PortalException;

/**
 * Sign-in is refused before any password is checked: this address has tried too often of late, or the server is
 * already checking as many passwords as it can afford. Nothing was counted against the account; the pages say
 * "try again in N seconds", the API answers 429 with {@code Retry-After}.
 */
public class TooManyAttempts extends PortalException {

    private final long retryAfterSeconds;

    public TooManyAttempts(String messageKey, long retryAfterSeconds) {
        super(messageKey, retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
