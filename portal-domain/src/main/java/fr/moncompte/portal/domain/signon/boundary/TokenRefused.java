package fr.moncompte.portal.domain.signon.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A token request refused, with the OAuth 2.0 error code the token endpoint answers (RFC 6749 §5.2). Not rolled
 * back: what was done before the refusal stands (a code presented twice stays spent, and its sign-in ended).
 */
@ApplicationException(rollback = false)
public class TokenRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public TokenRefused(String error, String description) {
        super(description);
        this.error = error;
    }

    /** {@code invalid_grant}, {@code invalid_client}, … */
    public String error() {
        return error;
    }
}
