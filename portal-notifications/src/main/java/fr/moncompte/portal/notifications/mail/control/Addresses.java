package fr.moncompte.portal.notifications.mail.control;

/** E-mail addresses as a mail to somebody else may show them: enough to recognise, not enough to copy. */
public final class Addresses {

    private Addresses() {
    }

    /** {@code claire.martin@example.fr} becomes {@code c***@example.fr}. */
    public static String mask(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
