package fr.moncompte.portal.web.session;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasskeyChallengeTest {

    /** An HTTP session holding attributes, nothing more. */
    private static HttpSession session() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpSession) Proxy.newProxyInstance(PasskeyChallengeTest.class.getClassLoader(),
                new Class<?>[]{HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void a_challenge_is_taken_once() {
        HttpSession session = session();
        PasskeyChallenge.keep(session, PasskeyChallenge.Purpose.SIGN_IN, "{kept}");
        assertEquals(Optional.of("{kept}"), PasskeyChallenge.take(session, PasskeyChallenge.Purpose.SIGN_IN));
        assertEquals(Optional.empty(), PasskeyChallenge.take(session, PasskeyChallenge.Purpose.SIGN_IN),
                "a second answer finds none");
    }

    @Test
    void a_challenge_serves_only_what_it_was_made_for() {
        HttpSession session = session();
        PasskeyChallenge.keep(session, PasskeyChallenge.Purpose.SECOND_STEP, "{kept}");
        assertEquals(Optional.empty(), PasskeyChallenge.take(session, PasskeyChallenge.Purpose.SIGN_IN));
        assertEquals(Optional.empty(), PasskeyChallenge.take(session, PasskeyChallenge.Purpose.SECOND_STEP),
                "and a wrong use spends it");
    }

    @Test
    void a_challenge_older_than_three_minutes_is_over() {
        HttpSession session = session();
        session.setAttribute(PasskeyChallenge.ATTRIBUTE, new AtomicReference<>(new PasskeyChallenge("{kept}",
                PasskeyChallenge.Purpose.SIGN_IN, Instant.now().minus(PasskeyChallenge.LIFETIME).minusSeconds(1))));
        assertEquals(Optional.empty(), PasskeyChallenge.take(session, PasskeyChallenge.Purpose.SIGN_IN));
        assertTrue(PasskeyChallenge.take(null, PasskeyChallenge.Purpose.SIGN_IN).isEmpty(), "no session, none");
    }
}
