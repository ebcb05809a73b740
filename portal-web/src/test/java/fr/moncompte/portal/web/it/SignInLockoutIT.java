package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.account.boundary.SignIn;
import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.entity.Language;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 rule 6 on the real boundary and database: failures below the limit and a success in between lock nothing;
 * the fifth failure within fifteen minutes locks the account, even against the right password, and its owner gets
 * the ACCOUNT_LOCKED mail in their language. Bruno is made here, the only person of the domain {@value #DOMAIN}.
 */
@Order(20)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInLockoutIT extends DeployedPortal {

    /** The domain of Bruno's address: the mail that tells him is found by it. */
    static final String DOMAIN = "lockout.it.example";
    static final String PASSWORD = People.PASSWORD;

    @EJB
    SignIn signIn;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    PasswordHashing hashing;

    @Test
    @Order(1)
    void the_fifth_failure_within_fifteen_minutes_locks_the_account() throws Exception {
        transaction.begin();
        String bruno = People.make(em, hashing, new People.Wanted(Fixtures.GARAGE, "Bruno", "Lacroix", Language.FR,
                true, DOMAIN)).getEmail();
        transaction.commit();
        for (int i = 0; i < 4; i++) {
            assertTrue(signIn.verify(bruno, "wrong password " + i, "127.0.0.1", "it").isEmpty());
        }
        assertTrue(signIn.verify(bruno, PASSWORD, "127.0.0.1", "it").isPresent(), "four failures lock nothing");

        for (int i = 0; i < 4; i++) {
            assertTrue(signIn.verify(bruno, "wrong password " + i, "127.0.0.1", "it").isEmpty());
        }
        assertTrue(signIn.verify(bruno, PASSWORD, "127.0.0.1", "it").isPresent(),
                "the success before them wiped the earlier failures");

        for (int i = 0; i < 5; i++) {
            assertTrue(signIn.verify(bruno, "wrong password " + i, "127.0.0.1", "it").isEmpty());
        }
        assertTrue(signIn.verify(bruno, PASSWORD, "127.0.0.1", "it").isEmpty(), "locked, even for the right password");
    }

    @Test
    @Order(2)
    @RunAsClient
    void the_owner_is_told_once_in_their_language() {
        Predicate<MimeMessage> lockMail = message -> recipient(message).endsWith("@" + DOMAIN)
                && subject(message).contains("verrouillé");
        List<MimeMessage> mails = Mailbox.await(lockMail, 1, 60_000);
        assertEquals(1, mails.size());
        assertEquals("Votre compte est verrouillé pour 15 minutes", subject(mails.get(0)));
        assertEquals(1, Mailbox.settled(lockMail).size(), "the attempt made while locked does not lock again");
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
