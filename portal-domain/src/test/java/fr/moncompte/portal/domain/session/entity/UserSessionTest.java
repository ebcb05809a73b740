package fr.moncompte.portal.domain.session.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static fr.moncompte.portal.domain.session.entity.UserSession.State.ACTIVE;
import static fr.moncompte.portal.domain.session.entity.UserSession.State.ENDED;
import static fr.moncompte.portal.domain.session.entity.UserSession.State.EXPIRED;
import static fr.moncompte.portal.domain.session.entity.UserSession.State.IDLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserSessionTest {

    private final Instant signIn = Instant.parse("2026-11-28T08:00:00Z");

    private UserSession session() {
        return new UserSession("s", 1L, signIn, "127.0.0.1", "test");
    }

    @Test
    void thirty_minutes_without_a_request_make_a_session_idle() {
        UserSession session = session();
        assertEquals(ACTIVE, session.stateAt(signIn.plus(Duration.ofMinutes(30))));
        assertEquals(IDLE, session.stateAt(signIn.plus(Duration.ofMinutes(31))));
    }

    @Test
    void activity_keeps_it_open_but_not_beyond_twelve_hours() {
        UserSession session = session();
        Instant now = signIn;
        while (now.isBefore(signIn.plus(Duration.ofHours(12)))) {
            assertEquals(ACTIVE, session.stateAt(now));
            session.seen(now);
            now = now.plus(Duration.ofMinutes(20));
        }
        assertEquals(EXPIRED, session.stateAt(signIn.plus(Duration.ofHours(12))));
    }

    @Test
    void an_ended_session_stays_ended() {
        UserSession session = session();
        session.end(signIn.plusSeconds(10));
        assertEquals(ENDED, session.stateAt(signIn.plusSeconds(11)));
        assertEquals(ENDED, session.stateAt(signIn.plus(Duration.ofHours(13))));
    }

    @Test
    void last_seen_is_written_at_most_once_a_minute() {
        UserSession session = session();
        assertFalse(session.seen(signIn.plusSeconds(30)));
        assertTrue(session.seen(signIn.plusSeconds(60)));
        assertEquals(signIn.plusSeconds(60), session.getLastSeenAt());
    }

    @Test
    void the_list_query_bounds_agree_with_the_states() {
        Instant now = signIn.plus(Duration.ofHours(1));
        assertEquals(now.minus(Duration.ofHours(12)), UserSession.startedAfter(now));
        assertEquals(now.minus(Duration.ofMinutes(31)), UserSession.seenAfter(now));
    }
}
