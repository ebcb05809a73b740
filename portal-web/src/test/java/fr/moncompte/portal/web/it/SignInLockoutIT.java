package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.account.boundary.SignIn;
import jakarta.ejb.EJB;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 rule 6 on the real boundary and database: failures below the limit and a success in between lock nothing;
 * the fifth failure within fifteen minutes locks the account, even against the right password, and its owner gets
 * the ACCOUNT_LOCKED mail in their language. Uses Bruno's demo account, which no other test signs in with.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInLockoutIT {

    /** Bruno (Garage Petit): locked here, used nowhere else (the administration tests sign in as the operator). */
    static final String BRUNO = "bruno.lacroix@garage-petit.example";
    static final String PASSWORD = "Portail-Demo-2026";

    @Deployment
    static WebArchive deployment() {
        return PortalArchive.withTestClasses(SignInLockoutIT.class);
    }

    @EJB
    SignIn signIn;

    @Test
    @Order(1)
    void the_fifth_failure_within_fifteen_minutes_locks_the_account() {
        for (int i = 0; i < 4; i++) {
            assertTrue(signIn.verify(BRUNO, "wrong password " + i, "127.0.0.1", "it").isEmpty());
        }
        assertTrue(signIn.verify(BRUNO, PASSWORD, "127.0.0.1", "it").isPresent(), "four failures lock nothing");

        for (int i = 0; i < 4; i++) {
            assertTrue(signIn.verify(BRUNO, "wrong password " + i, "127.0.0.1", "it").isEmpty());
        }
        assertTrue(signIn.verify(BRUNO, PASSWORD, "127.0.0.1", "it").isPresent(),
                "the success before them wiped the earlier failures");

        for (int i = 0; i < 5; i++) {
            assertTrue(signIn.verify(BRUNO, "wrong password " + i, "127.0.0.1", "it").isEmpty());
        }
        assertTrue(signIn.verify(BRUNO, PASSWORD, "127.0.0.1", "it").isEmpty(), "locked, even for the right password");
    }

    @Test
    @Order(2)
    @RunAsClient
    void the_owner_is_told_once_in_their_language() {
        Predicate<MimeMessage> lockMail = message -> Mailbox.to(BRUNO).test(message)
                && subject(message).contains("verrouillé");
        List<MimeMessage> mails = Mailbox.await(lockMail, 1, 60_000);
        assertEquals(1, mails.size());
        assertEquals("Votre compte est verrouillé pour 15 minutes", subject(mails.get(0)));
        assertEquals(1, Mailbox.await(lockMail, 2, 3_000).size(), "the attempt made while locked does not lock again");
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
