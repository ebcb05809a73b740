package fr.moncompte.portal.domain.account.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountLinkTest {

    private final Instant issued = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void each_purpose_lasts_as_long_as_the_issue_says() {
        assertEquals(Duration.ofDays(7), Duration.between(issued, AccountLink.invitation(1, issued).getExpiresAt()));
        assertEquals(Duration.ofHours(1), Duration.between(issued, AccountLink.passwordReset(1, issued).getExpiresAt()));
        assertEquals(Duration.ofHours(24), Duration.between(issued,
                AccountLink.emailChange(1, "old@example.fr", "new@example.fr", issued).getExpiresAt()));
    }

    @Test
    void a_reset_link_is_valid_for_one_hour_then_expired() {
        AccountLink link = AccountLink.passwordReset(1, issued);
        assertEquals(AccountLink.State.VALID, link.stateAt(issued.plus(Duration.ofMinutes(59))));
        assertEquals(AccountLink.State.EXPIRED, link.stateAt(issued.plus(Duration.ofHours(1))));
    }

    @Test
    void a_used_or_cancelled_link_says_used_even_after_it_expired() {
        AccountLink used = AccountLink.invitation(1, issued);
        used.markUsed(issued.plusSeconds(60));
        assertEquals(AccountLink.State.USED, used.stateAt(issued.plusSeconds(61)));
        assertEquals(AccountLink.State.USED, used.stateAt(issued.plus(Duration.ofDays(30))));

        AccountLink cancelled = AccountLink.passwordReset(1, issued);
        cancelled.cancel(issued.plusSeconds(5));
        assertEquals(AccountLink.State.USED, cancelled.stateAt(issued.plusSeconds(6)));
    }
}
