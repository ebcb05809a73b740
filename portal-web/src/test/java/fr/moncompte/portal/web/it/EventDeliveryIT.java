package fr.moncompte.portal.web.it;

import com.icegreen.greenmail.util.GreenMailUtil;
import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.entity.AccountLink;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.boundary.PeopleDirectory;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Domain events travel through the resource adapter and the broker to the notifications MDB and out by SMTP, only
 * when their transaction commits, once per event id, in the recipient's language; an event that arrives before the
 * link it names can be read is delivered again, not dropped. The tests marked {@code @RunAsClient} run here and read
 * GreenMail and the broker; the others run inside Payara Micro and publish.
 */
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventDeliveryIT extends DeployedPortal {

    // Demo accounts: Claire (fr), Luc (en), Emma (fr).
    static final long CLAIRE = 3;
    static final long LUC = 5;
    static final long EMMA = 6;

    @EJB
    ApplicationEvents events;

    @Resource
    UserTransaction transaction;

    @EJB
    CompanyDirectory companies;

    @EJB
    PeopleDirectory people;

    @EJB
    Accounts accounts;

    // Fixed ids, so that the side that publishes (in the container) and the side that reads GreenMail (here) agree.
    static final DomainEvent ROLLED_BACK = event("00000000-0000-4000-8000-000000000001", CLAIRE);
    static final DomainEvent DELIVERED_TWICE = event("00000000-0000-4000-8000-000000000002", EMMA);
    static final DomainEvent COMMITTED = event("00000000-0000-4000-8000-000000000003", LUC);

    @Test
    @Order(1)
    void publishing_in_transactions_that_roll_back_commit_and_repeat() throws Exception {
        transaction.begin();
        events.publish(ROLLED_BACK);
        transaction.rollback();

        for (int i = 0; i < 2; i++) {
            transaction.begin();
            events.publish(DELIVERED_TWICE);
            transaction.commit();
        }

        transaction.begin();
        events.publish(COMMITTED);
        transaction.commit();
    }

    @Test
    @Order(1)
    void the_administration_lists_refuse_a_caller_without_an_administrator_role() {
        // Rule 1 holds in the EJB layer, whatever the web layer shows: no role, no list.
        assertThrows(EJBAccessException.class,
                () -> companies.companies(null, CompanyDirectory.CompanyOrder.NAME, true, 0, 10));
        assertThrows(EJBAccessException.class, () -> people.users(null, PeopleDirectory.UserOrder.NAME, true, 0, 10));
        assertThrows(EJBAccessException.class, () -> companies.countCompanies(null));
        assertThrows(EJBAccessException.class, () -> companies.whyReadOnly(1));
        assertThrows(EJBAccessException.class, () -> people.resendInvitation(7, "127.0.0.1"));
        // Another account's contact data is for the notifications module (running as SYSTEM) only.
        assertThrows(EJBAccessException.class, () -> accounts.recipient(CLAIRE));
    }

    @Test
    @Order(2)
    @RunAsClient
    void only_committed_events_are_mailed_once_in_the_recipients_language() throws Exception {
        MimeMessage toLuc = single(Mailbox.await(Mailbox.withMessageId(COMMITTED.id() + "." + LUC), 1, 60_000));
        MimeMessage toEmma = single(Mailbox.await(Mailbox.withMessageId(DELIVERED_TWICE.id() + "." + EMMA), 1, 60_000));
        // Once nothing is left in flight: no mail for the rolled-back event, no second copy of Emma's.
        assertEquals(List.of(), Mailbox.settled(Mailbox.withMessageId(ROLLED_BACK.id() + "." + CLAIRE)),
                "a rolled-back event is never mailed");
        assertEquals(1, Mailbox.settled(Mailbox.withMessageId(DELIVERED_TWICE.id() + "." + EMMA)).size(),
                "an event delivered twice is mailed once");

        assertEquals("emma.roux@garage-petit.example", recipient(toEmma));
        assertEquals("Votre mot de passe a été modifié", toEmma.getSubject());
        assertTrue(GreenMailUtil.getBody(toEmma).contains("Bonjour Emma"), "greets in French");
        assertEquals("fr", toEmma.getHeader("Content-Language", null));

        assertEquals("luc.petit@garage-petit.example", recipient(toLuc));
        assertEquals("Your password was changed", toLuc.getSubject());
        assertTrue(GreenMailUtil.getBody(toLuc).contains("Hello Luc"), "greets in English");
        assertTrue(toLuc.getContentType().startsWith("multipart/alternative"), "HTML with a plain-text part");
    }

    /** The domain of the address of the person invited through a link written after its event. */
    static final String LATE_LINK_DOMAIN = "late-link.it.example";
    /** Kept between the in-container steps of that test (one class loader in the portal). */
    static AccountLink lateLink;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Test
    @Order(3)
    void an_invitation_is_published_before_its_link_can_be_read() throws Exception {
        // Under two-phase commit the broker's part may commit before the database's: the event then arrives before
        // its link can be read. Here the link is written only after the first delivery has failed (step 4).
        transaction.begin();
        long invited = People.make(em, hashing, new People.Wanted(Fixtures.GARAGE, "Lina", "Tardive", Language.FR,
                false, LATE_LINK_DOMAIN)).getId();
        transaction.commit();
        lateLink = AccountLink.invitation(invited, Instant.now());
        transaction.begin();
        events.publish(DomainEvent.aboutLink(AccountEventType.USER_INVITED, null, invited, lateLink.getId(), Instant.now()));
        transaction.commit();
    }

    @Test
    @Order(4)
    @RunAsClient
    void the_event_whose_link_cannot_be_read_is_delivered_again_later() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (TestInfrastructure.scheduledOn(ApplicationEvents.QUEUE_ADDRESS) == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(5); // polling the broker in this JVM for the redelivery it schedules; nothing to wait on
        }
        assertTrue(TestInfrastructure.scheduledOn(ApplicationEvents.QUEUE_ADDRESS) > 0,
                "the first delivery found no link and asked the broker for another, instead of dropping the mail");
    }

    @Test
    @Order(5)
    void the_link_is_committed_at_last() throws Exception {
        transaction.begin();
        em.persist(lateLink);
        transaction.commit();
    }

    @Test
    @Order(6)
    @RunAsClient
    void the_invitation_is_mailed_once_when_its_link_can_be_read() {
        java.util.function.Predicate<MimeMessage> invitation = message -> recipient(message)
                .endsWith("@" + LATE_LINK_DOMAIN);
        MimeMessage mail = single(Mailbox.await(invitation, 1, 60_000));
        assertEquals("Votre invitation à l'espace client Inexweb", Mailbox.subjectOf(mail));
        assertEquals(1, Mailbox.settled(invitation).size(), "once");
    }

    static DomainEvent event(String id, long account) {
        return new DomainEvent(UUID.fromString(id), AccountEventType.PASSWORD_CHANGED.name(), Instant.parse("2026-11-28T08:00:00Z"),
                account, Map.of(DomainEvent.ACCOUNT, Long.toString(account)));
    }

    static MimeMessage single(List<MimeMessage> messages) {
        assertEquals(1, messages.size(), "one message expected");
        return messages.get(0);
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
