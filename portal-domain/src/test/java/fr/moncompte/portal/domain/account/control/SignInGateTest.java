package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.account.boundary.TooManyAttempts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounds put on sign-in before any password is hashed: per source address and minute, and hashes at once. */
class SignInGateTest {

    static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

    private static SignInGate gate(Instant now, int perAddress, int concurrent, long waitMillis) {
        SignInGate gate = new SignInGate();
        gate.clock = Clock.fixed(now, ZoneOffset.UTC);
        gate.limits(perAddress, concurrent, waitMillis);
        return gate;
    }

    @Test
    void an_address_past_its_allowance_is_refused_until_its_minute_is_over_and_others_are_not() {
        SignInGate gate = gate(NOON, 3, 1, 0);
        for (int i = 0; i < 3; i++) {
            gate.admit("198.51.100.7");
        }
        TooManyAttempts refused = assertThrows(TooManyAttempts.class, () -> gate.admit("198.51.100.7"));
        assertEquals("signin.tooManyFromAddress", refused.messageKey());
        assertEquals(61, refused.retryAfterSeconds(), "a minute from the first attempt, rounded up");
        gate.admit("203.0.113.9"); // another address has its own allowance

        gate.clock = Clock.fixed(NOON.plusSeconds(45), ZoneOffset.UTC);
        TooManyAttempts later = assertThrows(TooManyAttempts.class, () -> gate.admit("198.51.100.7"));
        assertEquals(16, later.retryAfterSeconds());

        gate.clock = Clock.fixed(NOON.plusSeconds(60), ZoneOffset.UTC);
        gate.admit("198.51.100.7"); // a new minute
    }

    @Test
    void past_the_hashes_at_once_an_attempt_is_told_to_come_back_without_being_run() throws Exception {
        SignInGate gate = gate(NOON, 100, 1, 50);
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = other.submit(() -> gate.withHash(() -> {
                hashing.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(hashing.await(10, TimeUnit.SECONDS));
            boolean[] ran = {false};
            TooManyAttempts busy = assertThrows(TooManyAttempts.class, () -> gate.withHash(() -> ran[0] = true));
            assertEquals("signin.busy", busy.messageKey());
            assertEquals(1, busy.retryAfterSeconds());
            assertEquals(false, ran[0], "the refused attempt did not run");

            release.countDown();
            assertTrue(first.get(10, TimeUnit.SECONDS));
            assertTrue(gate.withHash(() -> true), "the hash is free again once the first is done");
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void a_failed_check_frees_its_hash() {
        SignInGate gate = gate(NOON, 100, 1, 0);
        assertThrows(IllegalStateException.class, () -> gate.withHash(() -> {
            throw new IllegalStateException("database gone");
        }));
        assertTrue(gate.withHash(() -> true));
    }
}
