package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.account.boundary.SignIn;
import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.account.boundary.TooManyAttempts;
import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.control.SignInGate;
import fr.moncompte.portal.domain.account.entity.Language;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, points 3 and 4: many wrong passwords sent at once for one account never get more than five of them
 * checked, the right one sent after them finds the account locked, and its owner gets one mail for the lock; an
 * address past its allowance is refused before any password is hashed, with a 429 and {@code Retry-After} on the API
 * and a translated sentence on the sign-in page. The integration tests' allowance is large (pom.xml), so this class
 * lowers it for a moment through {@link SignInGate}.
 */
@Order(22)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInFloodIT extends DeployedPortal {

    static final String DOMAIN = "flood.it.example";
    static final String PASSWORD = People.PASSWORD;
    static final int AT_ONCE = 30;

    @EJB
    SignIn signIn;

    @Inject
    SignInGate gate;

    @Inject
    MetricRegistry metrics;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    PasswordHashing hashing;

    @ArquillianResource
    URL portal;

    @Test
    @Order(1)
    void thirty_wrong_passwords_at_once_get_five_checked_at_most_and_the_right_one_after_them_is_refused()
            throws Exception {
        transaction.begin();
        String nina = People.make(em, hashing, new People.Wanted(Fixtures.GARAGE, "Nina", "Rafale", Language.EN, true,
                DOMAIN)).getEmail();
        transaction.commit();
        long checkedBefore = metrics.counter(SignIn.CHECKED).getCount();

        ExecutorService attackers = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Optional<SignedIn>>> answers = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                String guess = "wrong password " + i;
                answers.add(attackers.submit(() -> signIn.verify(nina, guess, "198.51.100.30", "flood")));
            }
            for (Future<Optional<SignedIn>> answer : answers) {
                assertTrue(answer.get(2, TimeUnit.MINUTES).isEmpty());
            }
        } finally {
            attackers.shutdownNow();
        }
        long checked = metrics.counter(SignIn.CHECKED).getCount() - checkedBefore;
        assertTrue(checked <= 5, checked + " wrong passwords were checked");
        assertTrue(checked >= 1, "some were checked");
        assertTrue(signIn.verify(nina, PASSWORD, "198.51.100.30", "flood").isEmpty(), "locked, the right one too");
    }

    @Test
    @Order(2)
    @RunAsClient
    void the_owner_is_told_once_of_the_lock() {
        Predicate<MimeMessage> lockMail = message -> SignInLockoutIT.recipient(message).endsWith("@" + DOMAIN)
                && SignInLockoutIT.subject(message).contains("locked");
        assertEquals(1, Mailbox.await(lockMail, 1, 60_000).size());
        assertEquals(1, Mailbox.settled(lockMail).size(), "one lock, one mail, however many attempts raced");
    }

    @Test
    @Order(3)
    @RunAsClient
    void the_same_over_http_the_right_password_after_a_burst_gets_no_token() throws Exception {
        Fixtures.Person victim = Fixtures.user(Fixtures.GARAGE, "Victor", "Rafale", "EN", DOMAIN);
        Api api = new Api(portal);
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            burst.add(api.http().sendAsync(api.tokenPost(victim.email(), "wrong password " + i),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : burst) {
            assertEquals(401, answer.get(2, TimeUnit.MINUTES).statusCode());
        }
        HttpResponse<String> right = api.tokenRequest(victim.email(), PASSWORD);
        assertEquals(401, right.statusCode(), right.body());
    }

    @Test
    @Order(4)
    void an_address_past_its_allowance_is_refused_before_anything_is_checked() {
        int allowance = gate.attemptsPerAddress();
        gate.attemptsPerAddress(2);
        try {
            long checkedBefore = metrics.counter(SignIn.CHECKED).getCount();
            signIn.verify("nobody@" + DOMAIN, "x", "198.51.100.31", "flood");
            signIn.verify("nobody@" + DOMAIN, "x", "198.51.100.31", "flood");
            TooManyAttempts refused = assertThrows(TooManyAttempts.class,
                    () -> signIn.verify("nobody@" + DOMAIN, "x", "198.51.100.31", "flood"));
            assertEquals("signin.tooManyFromAddress", refused.messageKey());
            assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 61);
            assertEquals(2, metrics.counter(SignIn.CHECKED).getCount() - checkedBefore, "the third was not hashed");
            assertTrue(signIn.verify("nobody@" + DOMAIN, "x", "198.51.100.32", "flood").isEmpty(),
                    "another address has its own allowance");
        } finally {
            gate.attemptsPerAddress(allowance);
        }
    }

    /** The allowance of the server's configuration, kept in the server between the next tests. */
    private static int configured;

    @Test
    @Order(5)
    void lower_the_allowance_to_nothing_for_the_next_test() {
        configured = gate.attemptsPerAddress();
        gate.attemptsPerAddress(-1);
    }

    @Test
    @Order(6)
    @RunAsClient
    void past_the_allowance_the_api_answers_429_with_retry_after_and_the_page_says_so_in_its_language()
            throws Exception {
        Api api = new Api(portal);
        HttpResponse<String> refused = api.tokenRequest(IsolationMatrixIT.PAUL, PASSWORD);
        assertEquals(429, refused.statusCode(), refused.body());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After: " + retryAfter);
        assertEquals("signin.tooManyFromAddress", Api.json(refused).getString("code"));

        for (String[] language : new String[][] {{"fr", "Trop de tentatives de connexion"},
                {"en", "Too many sign-in attempts"}}) {
            FormClient page = new FormClient(portal, language[0]);
            assertFalse(page.signIn(IsolationMatrixIT.PAUL, PASSWORD));
            assertTrue(page.lastBody().contains(language[1]), language[0] + ": " + page.lastBody());
        }
    }

    @Test
    @Order(7)
    void give_the_allowance_back() {
        gate.attemptsPerAddress(configured);
    }
}
