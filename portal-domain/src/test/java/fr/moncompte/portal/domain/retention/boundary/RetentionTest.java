package fr.moncompte.portal.domain.retention.boundary;

import fr.moncompte.portal.domain.MigratedDatabase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 21, point 6: sign-in attempts and ended sessions past their period go; younger ones, and sessions still open
 * however old, stay.
 */
class RetentionTest {

    @RegisterExtension
    static final MigratedDatabase database = MigratedDatabase.domain();

    static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

    @Test
    void deletes_only_what_is_past_its_period() {
        EntityManager em = database.em();
        em.createNativeQuery("""
                insert into user_account (id, email, email_key, first_name, last_name, first_name_key, last_name_key,
                                          language, status, operator, created_at, version)
                values (900, 'a@x.example', 'a@x.example', 'A', 'B', 'a', 'b', 'fr', 'ACTIVE', false,
                        TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00', 0)""").executeUpdate();
        attempt(901, "2025-12-01T00:00:00Z");
        attempt(902, "2025-12-09T00:00:00Z");
        session("old-ended", "2025-11-01T00:00:00Z", "2025-11-02T00:00:00Z");
        session("young-ended", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z");
        session("old-open", "2025-01-01T00:00:00Z", null);

        Retention retention = new Retention();
        retention.em = em;
        retention.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        retention.signInAttempts = Duration.ofDays(365);
        retention.endedSessions = Duration.ofDays(365);

        assertArrayEquals(new int[]{1, 1}, retention.purge());
        assertEquals(902L, ((Number) em.createNativeQuery("select id from sign_in_attempt").getSingleResult())
                .longValue());
        assertEquals(2L, ((Number) em.createNativeQuery("select count(*) from user_session").getSingleResult())
                .longValue(), "the young ended one and the open one stay");
    }

    private static void attempt(long id, String at) {
        database.em().createNativeQuery("""
                insert into sign_in_attempt (id, account_id, email_key, occurred_at, succeeded)
                values (?1, 900, 'a@x.example', ?2, true)""")
                .setParameter(1, id).setParameter(2, java.sql.Timestamp.from(Instant.parse(at))).executeUpdate();
    }

    private static void session(String id, String started, String ended) {
        database.em().createNativeQuery("""
                insert into user_session (id, account_id, started_at, last_seen_at, ended_at)
                values (?1, 900, ?2, ?2, ?3)""")
                .setParameter(1, id).setParameter(2, java.sql.Timestamp.from(Instant.parse(started)))
                .setParameter(3, ended == null ? null : java.sql.Timestamp.from(Instant.parse(ended)))
                .executeUpdate();
    }
}
