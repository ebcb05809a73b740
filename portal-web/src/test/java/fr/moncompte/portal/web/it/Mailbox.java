package fr.moncompte.portal.web.it;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what reached the tests' GreenMail server. Several test classes share it, so every look-up selects the
 * messages it is about; waits are bounded and return as soon as a new mail arrives.
 */
final class Mailbox {

    private Mailbox() {
    }

    /** Waits up to {@code timeoutMillis} until {@code count} messages match, and returns those that do. */
    static List<MimeMessage> await(Predicate<MimeMessage> which, int count, long timeoutMillis) {
        GreenMail mail = TestInfrastructure.mail();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            // Counted before looking: a mail arriving in between makes the wait below return at once (counted
            // after, such a mail was waited past until the timeout, a minute lost now and then).
            int seen = mail.getReceivedMessages().length;
            List<MimeMessage> matching = matching(which);
            if (matching.size() >= count || System.currentTimeMillis() >= deadline) {
                return matching;
            }
            mail.waitForIncomingEmail(Math.max(1, deadline - System.currentTimeMillis()), seen + 1);
        }
    }

    /**
     * The messages that match once the portal has nothing left in flight ({@link Quiescence}): for asserting that a
     * mail was not sent, or sent once, without waiting a window of time.
     */
    static List<MimeMessage> settled(Predicate<MimeMessage> which) {
        Quiescence.await();
        return matching(which);
    }

    static List<MimeMessage> matching(Predicate<MimeMessage> which) {
        return Arrays.stream(TestInfrastructure.mail().getReceivedMessages()).filter(which).toList();
    }

    static Predicate<MimeMessage> to(String address) {
        return message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static Predicate<MimeMessage> withMessageId(String reference) {
        return message -> {
            try {
                return ("<" + reference + "@moncompte.portal>").equals(message.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static Predicate<MimeMessage> withSubject(String subject) {
        return message -> subject.equals(subjectOf(message));
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part, which every portal mail has. */
    static String text(MimeMessage message) {
        try {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
            throw new IllegalStateException("No plain-text part in " + message.getSubject());
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one-time link a mail carries, as the person would click it. */
    static String link(MimeMessage message) {
        Matcher link = LINK.matcher(text(message));
        if (!link.find()) {
            throw new IllegalStateException("No link in " + subjectOf(message) + ": " + text(message));
        }
        return link.group();
    }

    private static final Pattern LINK = Pattern.compile("https?://\\S+\\?token=\\S+");
}
