package fr.moncompte.portal.notifications.mail.control;

import java.util.Locale;

/**
 * A rendered message, ready to send: the sender's name in the recipient's language, one recipient, a subject, a
 * plain-text body and its HTML twin.
 */
public record Mail(String senderName, String to, Locale locale, String subject, String text, String html) {
}
