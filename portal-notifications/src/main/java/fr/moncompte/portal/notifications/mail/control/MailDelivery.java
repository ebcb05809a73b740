package fr.moncompte.portal.notifications.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Sends rendered mails through Jakarta Mail. {@code portal.mail.transport=smtp} (production, tests with GreenMail)
 * talks to the configured SMTP server, with timeouts so that a dead server fails the delivery instead of hanging
 * it; {@code file} (the quick start) writes each message as an {@code .eml} file that any mail reader opens, and its
 * text as a {@code .txt} file to read in a terminal.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @Inject
    @ConfigProperty(name = "portal.mail.transport")
    String transport;

    @Inject
    @ConfigProperty(name = "portal.mail.outbox")
    String outbox;

    @Inject
    @ConfigProperty(name = "portal.mail.smtp.host")
    String host;

    @Inject
    @ConfigProperty(name = "portal.mail.smtp.port")
    int port;

    @Inject
    @ConfigProperty(name = "portal.mail.smtp.starttls")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "portal.mail.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "portal.mail.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "portal.mail.smtp.timeout-ms")
    int timeoutMillis;

    /** The sender's address; its display name comes with each mail, in the recipient's language. */
    @Inject
    @ConfigProperty(name = "portal.mail.from")
    String from;

    /**
     * Jakarta Mail 2.1 finds its stream provider anew for every body part it writes, by a ServiceLoader scan of every
     * jar the application sees, unless this system property names it. In a burst that scan took about a third of
     * the sending threads' time (BENCHMARKS.md, notifications), so it is named here when the implementation is the one
     * we know.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Inject
    Clock clock;

    private Session session;

    @PostConstruct
    void openSession() {
        nameTheStreamProvider();
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
        properties.put("mail.smtp.timeout", Integer.toString(timeoutMillis));
        properties.put("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        Authenticator authenticator = null;
        if (user.isPresent()) {
            properties.put("mail.smtp.auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password.orElse(""));
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
        LOG.info(() -> "file".equals(transport)
                ? "Mails are written as .eml files to " + Path.of(outbox).toAbsolutePath()
                : "Mails are sent through SMTP " + host + ":" + port);
    }

    private static void nameTheStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) != null) {
            return;
        }
        try {
            // The same look-up Jakarta Mail makes with the property: through the thread's class loader.
            Class.forName(ANGUS_STREAM_PROVIDER, false, Thread.currentThread().getContextClassLoader());
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.fine(() -> "Another Jakarta Mail implementation; its stream provider is looked up as usual: " + e);
        }
    }

    /**
     * Sends the mails over one SMTP connection (or writes them, for {@code file}), in the map's order.
     *
     * @param mails each mail under its reference, a stable id of what caused it (used in the Message-ID)
     * @return for each mail that did not go out, why; the others went out
     */
    public Map<String, String> sendAll(Map<String, Mail> mails) {
        Map<String, String> failures = new LinkedHashMap<>();
        if ("file".equals(transport)) {
            mails.forEach((reference, mail) -> {
                try {
                    write(compose(mail, reference), mail, reference);
                } catch (MessagingException | UncheckedIOException e) {
                    failures.put(reference, describe(e));
                }
            });
            return failures;
        }
        Transport connection;
        try {
            connection = session.getTransport("smtp");
            connection.connect(host, port, user.orElse(null), user.isPresent() ? password.orElse("") : null);
        } catch (MessagingException e) {
            String why = describe(e);
            mails.keySet().forEach(reference -> failures.put(reference, why));
            return failures;
        }
        try {
            String broken = null;
            for (Map.Entry<String, Mail> entry : mails.entrySet()) {
                if (broken != null) {
                    failures.put(entry.getKey(), broken);
                    continue;
                }
                try {
                    MimeMessage message = compose(entry.getValue(), entry.getKey());
                    connection.sendMessage(message, message.getAllRecipients());
                } catch (SendFailedException refused) {
                    // The server refused this one (an address, say); the connection goes on for the others.
                    failures.put(entry.getKey(), describe(refused));
                } catch (MessagingException e) {
                    failures.put(entry.getKey(), describe(e));
                    if (!connection.isConnected()) {
                        broken = describe(e); // the server went away: the rest wait for the next try
                    }
                } catch (RuntimeException e) {
                    // One mail that cannot be written fails alone: the others of the batch went out, or still go.
                    failures.put(entry.getKey(), describe(e));
                }
            }
        } finally {
            try {
                connection.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "Closing the SMTP connection: " + e);
            }
        }
        return failures;
    }

    private static String describe(Exception e) {
        StringBuilder why = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            why.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return why.toString();
    }

    MimeMessage compose(Mail mail, String reference) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + reference + "@moncompte.portal>");
            }
        };
        try {
            message.setFrom(new InternetAddress(from, mail.senderName(), "UTF-8"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Content-Language", mail.locale().getLanguage());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /**
     * Writes the message as an {@code .eml} file, and beside it a {@code .txt} with the addressee, the subject and
     * the plain-text part as a person reads it: the {@code .eml} is quoted-printable, where a link is cut across lines.
     */
    private void write(MimeMessage message, Mail mail, String reference) throws MessagingException {
        try {
            Path folder = Files.createDirectories(Path.of(outbox));
            String name = clock.instant().toString().replace(':', '-') + "-" + reference;
            Path file = folder.resolve(name + ".eml");
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                message.writeTo(out);
            }
            Files.writeString(folder.resolve(name + ".txt"), "To: " + mail.to() + "\nSubject: " + mail.subject()
                    + "\n\n" + mail.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            LOG.info(() -> "Mail written to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
