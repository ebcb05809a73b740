package fr.moncompte.portal.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An error as the API answers it (RFC 9457, {@code application/problem+json}): {@code code} is stable (a message key
 * of the portal's bundles), {@code title} and {@code detail} are in the caller's language.
 *
 * @param errors for a refused body, one entry per refused field
 */
@Schema(name = "Problem", description = "An error (RFC 9457): 'code' is stable, 'title' and 'detail' are in the"
        + " language of Accept-Language")
public record Problem(String type, String title, int status, String code, String detail, String instance,
                      List<FieldError> errors) {

    /** One refused field of a body, named as in the body. */
    public record FieldError(String field, String code, String detail) {
    }
}
