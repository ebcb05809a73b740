package fr.moncompte.portal.web.api;

import fr.moncompte.portal.domain.PortalException;

/** A request the API cannot read (a parameter or a body of the wrong shape): answered 400 with the key's message. */
public class InvalidRequest extends PortalException {

    private static final long serialVersionUID = 1L;

    public InvalidRequest(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    /** The constant of that name in a body, or {@code api.body.invalid} for a body naming none. */
    public static <E extends Enum<E>> E constant(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name == null ? "" : name);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequest("api.body.invalid");
        }
    }
}
