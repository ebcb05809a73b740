package fr.moncompte.portal.notifications.mail.control;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import fr.moncompte.portal.domain.account.boundary.Recipient;
import fr.moncompte.portal.notifications.topic.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes a notification in the recipient's language: its texts from the {@code mails} bundle (fr, en), laid out by two
 * Mustache templates ({@code templates/mail.html.mustache} and {@code mail.txt.mustache}): the plain-text part, and
 * the HTML part saying the same, escaped, with the greeting, a button for its link and the signature.
 */
@ApplicationScoped
public class MailRenderer {

    static final String BUNDLE = "fr.moncompte.portal.notifications.mail.control.mails";

    /** The layouts; values are escaped with {@link #escape} (HTML), and the text layout uses {{{raw}}} values. */
    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory(
            "fr/moncompte/portal/notifications/mail/templates") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escape(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final Mustache HTML = TEMPLATES.compile("mail.html.mustache");
    private static final Mustache TEXT = TEMPLATES.compile("mail.txt.mustache");

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

    public Mail render(Topic type, Recipient recipient) {
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
        ResourceBundle bundle = bundle(locale);
        Object[] values = values(recipient, actionUrl, extra);
        String subject = format(bundle, template + ".subject", locale, values);
        Action action = actionUrl == null ? null : new Action(format(bundle, template + ".action", locale, values),
                actionUrl, format(bundle, "actionFallback", locale, values));
        return write(bundle, locale, values, address, subject, format(bundle, template + ".body", locale, values),
                List.of(), action);
    }

    /** The subject that {@link #render} would give the message {@code template}: one line of a digest. */
    public String subject(String template, Recipient recipient, Object... extra) {
        Locale locale = recipient.language().locale();
        return format(bundle(locale), template + ".subject", locale, values(recipient, null, extra));
    }

    /** The daily digest: one line per notification, each with the page it is about, and how many more it leaves out. */
    public Mail digest(Recipient recipient, List<DigestLine> lines, int more) {
        Locale locale = recipient.language().locale();
        ResourceBundle bundle = bundle(locale);
        Object[] values = values(recipient, null, lines.size() + more, more);
        String body = format(bundle, "DIGEST.body", locale, values)
                + (more > 0 ? "\n\n" + format(bundle, "DIGEST.more", locale, values) : "");
        return write(bundle, locale, values, recipient.email(), format(bundle, "DIGEST.subject", locale, values), body,
                lines, null);
    }

    /** One line of a digest: what happened, and the page about it (or null). */
    public record DigestLine(String text, String url) {
    }

    private Mail write(ResourceBundle bundle, Locale locale, Object[] values, String address, String subject,
                       String body, List<DigestLine> items, Action action) {
        Layout layout = new Layout(locale.getLanguage(), subject, format(bundle, "greeting", locale, values),
                Arrays.stream(body.split("\n\n")).map(paragraph -> new Paragraph(lines(paragraph))).toList(),
                items, !items.isEmpty(), action, lines(format(bundle, "signature", locale, values)));
        return new Mail(format(bundle, "sender", locale, values), address, locale, subject,
                execute(TEXT, layout), execute(HTML, layout));
    }

    private Object[] values(Recipient recipient, String actionUrl, Object... extra) {
        Locale locale = recipient.language().locale();
        Object[] values = new Object[4 + extra.length];
        values[0] = recipient.firstName();
        values[1] = vendorName;
        values[2] = portalUrl;
        values[3] = actionUrl;
        for (int i = 0; i < extra.length; i++) {
            values[4 + i] = written(extra[i], locale);
        }
        return values;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static List<Line> lines(String paragraph) {
        String[] lines = paragraph.split("\n");
        return java.util.stream.IntStream.range(0, lines.length).mapToObj(i -> new Line(lines[i], i > 0)).toList();
    }

    private static String execute(Mustache template, Layout layout) {
        StringWriter out = new StringWriter();
        template.execute(out, layout);
        return out.toString();
    }

    /** What the layouts (templates/mail.*.mustache) show; the texts come from the bundle, already in the language. */
    public record Layout(String lang, String subject, String greeting, List<Paragraph> paragraphs, List<DigestLine> items,
                  boolean hasItems, Action action, List<Line> signature) {
    }

    public record Paragraph(List<Line> lines) {
    }

    /** A line of a paragraph; {@code br}: it follows another (a line break in HTML). */
    public record Line(String text, boolean br) {
    }

    public record Action(String label, String url, String fallback) {
    }

    /** A value as the recipient reads it: moments and days in words, amounts in euros, the rest as it is. */
    private Object written(Object value, Locale locale) {
        if (value instanceof Instant moment) {
            return moment(moment, locale);
        }
        if (value instanceof LocalDate day) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
        }
        if (value instanceof YearMonth month) {
            return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
        }
        if (value instanceof BigDecimal amount) {
            NumberFormat euros = NumberFormat.getCurrencyInstance(locale);
            euros.setCurrency(Currency.getInstance("EUR"));
            return euros.format(amount);
        }
        return value;
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
