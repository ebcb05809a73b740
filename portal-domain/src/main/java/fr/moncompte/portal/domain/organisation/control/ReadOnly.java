package fr.moncompte.portal.domain.organisation.control;

/**
 * Why an administrator may see a company or a person but not change them (SPEC §3, §4 rule 3), as the boundaries
 * answer it; the pages and the API say it with the message key of what was to be changed, and the boundaries refuse
 * a change with the same key.
 */
public enum ReadOnly {

    /** The company is billed through its accounting firm: the firm's administrators change it, not the client's. */
    BILLED_THROUGH_FIRM("companies.readOnly", "access.readOnly", "users.readOnlyChange"),

    /** Operators read every tenant and change none of its companies or people (SPEC §1). */
    OPERATOR("companies.readOnly.notAdministrator", "access.readOnly.notAdministrator",
            "access.readOnly.notAdministrator");

    private final String companyKey;
    private final String accessKey;
    private final String personKey;

    ReadOnly(String companyKey, String accessKey, String personKey) {
        this.companyKey = companyKey;
        this.accessKey = accessKey;
        this.personKey = personKey;
    }

    /** Said of a company's data. */
    public String companyKey() {
        return companyKey;
    }

    /** Said of the users and access of a company. */
    public String accessKey() {
        return accessKey;
    }

    /** Said of a person. */
    public String personKey() {
        return personKey;
    }
}
