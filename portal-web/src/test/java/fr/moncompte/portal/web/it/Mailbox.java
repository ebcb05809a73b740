package fr.moncompte.portal.web.it;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

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
        List<MimeMessage> matching = matching(which);
        while (matching.size() < count && System.currentTimeMillis() < deadline) {
            int seen = mail.getReceivedMessages().length;
            mail.waitForIncomingEmail(Math.max(1, deadline - System.currentTimeMillis()), seen + 1);
            matching = matching(which);
        }
        return matching;
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
}
