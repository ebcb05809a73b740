package fr.moncompte.portal.domain;

/**
 * The security roles of SPEC §1. Every signed-in person is a {@link #USER}; the other roles come on top.
 */
public final class Roles {

    public static final String USER = "USER";
    public static final String CLIENT_ADMIN = "CLIENT_ADMIN";
    public static final String FIRM_ADMIN = "FIRM_ADMIN";
    public static final String OPERATOR = "OPERATOR";
    /**
     * Not a person: the portal's own background work (message-driven beans run as it), for what no signed-in person
     * may call, such as reading another account's contact data to write to them.
     */
    public static final String SYSTEM = "SYSTEM";

    private Roles() {
    }
}
