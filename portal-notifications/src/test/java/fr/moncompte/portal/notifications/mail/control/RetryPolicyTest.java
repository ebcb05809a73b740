package fr.moncompte.portal.notifications.mail.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 10);

    @Test
    void the_delay_doubles_after_each_failure_up_to_the_longest() {
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), policy.delayAfter(2));
        assertEquals(Duration.ofSeconds(120), policy.delayAfter(3));
        assertEquals(Duration.ofSeconds(1920), policy.delayAfter(7));
        assertEquals(Duration.ofHours(1), policy.delayAfter(8), "3840 s would pass the longest");
        assertEquals(Duration.ofHours(1), policy.delayAfter(1000), "no overflow however many tries");
    }

    @Test
    void a_policy_that_could_never_send_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), 3));
    }
}
