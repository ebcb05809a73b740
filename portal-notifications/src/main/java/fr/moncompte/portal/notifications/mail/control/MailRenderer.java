package fr.moncompte.portal.notifications.mail.control;

import fr.moncompte.portal.domain.account.boundary.Recipient;
import fr.moncompte.portal.domain.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes a notification in the recipient's language from the {@code mails} bundle (fr, en). The plain-text part is
 * the reference; the HTML part says the same, escaped, with the greeting and signature of the portal.
 */
@ApplicationScoped
public class MailRenderer {

    static final String BUNDLE = "fr.moncompte.portal.notifications.mail.control.mails";

    @Inject
    @ConfigProperty(name = "portal.vendor.name")
    String vendorName;

    @Inject
    @ConfigProperty(name = "portal.public-url")
    String portalUrl;

    public MailRenderer() {
    }

    MailRenderer(String vendorName, String portalUrl) {
        this.vendorName = vendorName;
        this.portalUrl = portalUrl;
    }

    public Mail render(EventType type, Recipient recipient) {
        Locale locale = recipient.language().locale();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] values = {recipient.firstName(), vendorName, portalUrl};
        String key = type.name();
        String subject = format(bundle, key + ".subject", locale, values);
        String greeting = format(bundle, "greeting", locale, values);
        String body = format(bundle, key + ".body", locale, values);
        String signature = format(bundle, "signature", locale, values);
        String text = greeting + "\n\n" + body + "\n\n" + signature + "\n";
        return new Mail(format(bundle, "sender", locale, values), recipient.email(), locale, subject, text,
                html(locale, subject, greeting, body, signature));
    }

    private static String format(ResourceBundle bundle, String key, Locale locale, Object[] values) {
        return new MessageFormat(bundle.getString(key), locale).format(values);
    }

    private static String html(Locale locale, String subject, String... paragraphs) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head>")
                .append("<meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>")
                .append("<body style=\"font-family:Arial,sans-serif;color:#1f2933;line-height:1.5\">");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
