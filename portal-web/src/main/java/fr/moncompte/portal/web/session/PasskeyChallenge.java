package fr.moncompte.portal.web.session;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A passkey challenge sent to this browser, kept in its HTTP session until the answer comes: taken once (two posts
 * at once cannot both use it), for the purpose it was made for (signing in with a passkey alone, or the second step),
 * and for three minutes at most (the browser gives the person two).
 *
 * @param kept    the library's JSON of the request, to check the answer against
 * @param purpose what it was made for
 * @param made    when
 */
public record PasskeyChallenge(String kept, Purpose purpose, Instant made) implements Serializable {

    public enum Purpose { SIGN_IN, SECOND_STEP }

    static final String ATTRIBUTE = "fr.moncompte.portal.passkeyChallenge";
    static final Duration LIFETIME = Duration.ofMinutes(3);

    /** Keeps a new challenge; any earlier one of this session is over. */
    static void keep(HttpSession session, Purpose purpose, String kept) {
        session.setAttribute(ATTRIBUTE, new AtomicReference<>(new PasskeyChallenge(kept, purpose, Instant.now())));
    }

    /** The challenge kept for {@code purpose}, taken out of the session; empty if none, another, or too old. */
    @SuppressWarnings("unchecked")
    static Optional<String> take(HttpSession session, Purpose purpose) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof AtomicReference<?> holder)) {
            return Optional.empty();
        }
        PasskeyChallenge taken = ((AtomicReference<PasskeyChallenge>) holder).getAndSet(null);
        return Optional.ofNullable(taken).filter(challenge -> challenge.purpose() == purpose)
                .filter(challenge -> Instant.now().isBefore(challenge.made().plus(LIFETIME)))
                .map(PasskeyChallenge::kept);
    }
}
