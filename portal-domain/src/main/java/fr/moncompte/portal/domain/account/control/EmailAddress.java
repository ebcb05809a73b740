package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.PortalException;

import java.util.regex.Pattern;

/**
 * E-mail addresses as logins: what a person types, trimmed, must look like {@code name@domain.tld} (no spaces, no
 * quoted parts, at most 254 characters, the limit of SMTP). Whether the mailbox exists is what the confirmation link
 * finds out.
 */
public final class EmailAddress {

    public static final int MAXIMUM_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    /**
     * @return the address, trimmed
     * @throws PortalException {@code email.required} when nothing was typed, {@code email.invalid} when it is not an
     *                         address
     */
    public static String normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new PortalException("email.required");
        }
        String address = typed.strip();
        if (address.length() > MAXIMUM_LENGTH || !SHAPE.matcher(address).matches() || address.contains("..")
                || address.startsWith(".") || address.contains(".@")) {
            throw new PortalException("email.invalid");
        }
        return address;
    }
}
