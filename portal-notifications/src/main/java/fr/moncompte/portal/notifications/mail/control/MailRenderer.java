package fr.moncompte.portal.notifications.mail.control;

import fr.moncompte.portal.domain.account.boundary.Recipient;
import fr.moncompte.portal.domain.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes a notification in the recipient's language from the {@code mails} bundle (fr, en). The plain-text part is
 * the reference; the HTML part says the same, escaped, with the greeting and signature of the portal. Issue 6 moves
 * these texts to a template engine; until then each message is one bundle entry per language, never Java strings.
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

    @Inject
    @ConfigProperty(name = "portal.time-zone", defaultValue = "Europe/Paris")
    String timeZone;

    public MailRenderer() {
    }

    MailRenderer(String vendorName, String portalUrl, String timeZone) {
        this.vendorName = vendorName;
        this.portalUrl = portalUrl;
        this.timeZone = timeZone;
    }

    /** An address of the portal's, e.g. {@code page("password/reset.xhtml")}, whatever the setting ends with. */
    public String page(String path) {
        return (portalUrl.endsWith("/") ? portalUrl : portalUrl + "/") + path;
    }

    public Mail render(EventType type, Recipient recipient) {
        return render(type.name(), recipient, recipient.email(), null);
    }

    /**
     * Writes the message {@code template} of the bundle to {@code address} in the recipient's language. With an
     * action URL the mail carries a link (the key {@code template.action} is its label), in the HTML part as a button
     * and in the text part as the address itself. The bundle reads {0} first name, {1} vendor name, {2} portal address,
     * {3} action URL, then the extra values from {4} on; a moment among them is written in the portal's time zone.
     */
    public Mail render(String template, Recipient recipient, String address, String actionUrl, Object... extra) {
        Locale locale = recipient.language().locale();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] values = new Object[4 + extra.length];
        values[0] = recipient.firstName();
        values[1] = vendorName;
        values[2] = portalUrl;
        values[3] = actionUrl;
        for (int i = 0; i < extra.length; i++) {
            values[4 + i] = extra[i] instanceof Instant moment ? moment(moment, locale) : extra[i];
        }
        String subject = format(bundle, template + ".subject", locale, values);
        String greeting = format(bundle, "greeting", locale, values);
        String body = format(bundle, template + ".body", locale, values);
        String signature = format(bundle, "signature", locale, values);
        String action = actionUrl == null ? null : format(bundle, template + ".action", locale, values);
        String text = greeting + "\n\n" + body + "\n\n"
                + (action == null ? "" : action + "\n" + actionUrl + "\n\n")
                + signature + "\n";
        return new Mail(format(bundle, "sender", locale, values), address, locale, subject, text,
                html(locale, subject, greeting, body, action, actionUrl,
                        action == null ? null : format(bundle, "actionFallback", locale, values), signature));
    }

    /** A moment as the recipient reads it: their language, the portal's time zone, named. */
    String moment(Instant instant, Locale locale) {
        ZoneId zone = ZoneId.of(timeZone);
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant)
                + " (" + zone.getDisplayName(TextStyle.FULL, locale) + ")";
    }

    private static String format(ResourceBundle bundle, String key, Locale locale, Object[] values) {
        return new MessageFormat(bundle.getString(key), locale).format(values);
    }

    private static String html(Locale locale, String subject, String greeting, String body, String action,
                               String actionUrl, String actionFallback, String signature) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head>")
                .append("<meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>")
                .append("<body style=\"font-family:Arial,sans-serif;color:#1f2933;line-height:1.5\">");
        paragraph(html, greeting);
        paragraph(html, body);
        if (action != null) {
            // Brand blue on white: 8.6:1, above the 4.5:1 WCAG AA asks of text.
            html.append("<p><a href=\"").append(escape(actionUrl)).append("\" style=\"display:inline-block;")
                    .append("background:#0b4f8a;color:#ffffff;padding:10px 18px;border-radius:4px;")
                    .append("text-decoration:none;font-weight:bold\">").append(escape(action)).append("</a></p>");
            paragraph(html, actionFallback);
            html.append("<p style=\"word-break:break-all\">").append(escape(actionUrl)).append("</p>");
        }
        paragraph(html, signature);
        return html.append("</body></html>").toString();
    }

    private static void paragraph(StringBuilder html, String text) {
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
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
