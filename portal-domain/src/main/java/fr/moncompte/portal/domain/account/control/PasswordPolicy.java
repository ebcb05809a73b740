package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.PortalException;

import java.util.Locale;

/** SPEC §4 rule 5: at least 12 characters, not the e-mail, not a common password. */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    /** PBKDF2 hashes whatever it is given; a bound keeps a megabyte "password" from costing seconds of CPU. */
    public static final int MAXIMUM_LENGTH = 128;

    private PasswordPolicy() {
    }

    /**
     * @throws PortalException with the key of the first rule the password breaks
     */
    public static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            throw new PortalException("password.tooShort", MINIMUM_LENGTH);
        }
        if (password.length() > MAXIMUM_LENGTH) {
            throw new PortalException("password.tooLong", MAXIMUM_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null && !email.isBlank()) {
            String address = email.trim().toLowerCase(Locale.ROOT);
            String localPart = address.substring(0, Math.max(0, address.indexOf('@')));
            if (lower.equals(address) || (localPart.length() >= 4 && lower.contains(localPart))) {
                throw new PortalException("password.containsEmail");
            }
        }
        if (CommonPasswords.contains(password)) {
            throw new PortalException("password.common");
        }
    }
}
