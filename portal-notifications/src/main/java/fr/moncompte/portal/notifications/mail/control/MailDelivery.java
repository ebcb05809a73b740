package fr.moncompte.portal.notifications.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
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
import java.time.Instant;
import java.util.Date;
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

    private Session session;

    @PostConstruct
    void openSession() {
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

    /**
     * @param reference a stable id of what caused the mail (the event id), used in the Message-ID and file name
     */
    public void send(Mail mail, String reference) {
        try {
            MimeMessage message = compose(mail, reference);
            if ("file".equals(transport)) {
                write(message, mail, reference);
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new MailNotSent("Mail " + reference + " to " + mail.to() + " was not sent", e);
        }
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
            String name = Instant.now().toString().replace(':', '-') + "-" + reference;
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

    /** Delivery failed; thrown out of the message-driven bean so that the broker redelivers the event later. */
    public static class MailNotSent extends RuntimeException {
        MailNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
