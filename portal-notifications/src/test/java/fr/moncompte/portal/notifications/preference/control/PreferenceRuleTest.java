package fr.moncompte.portal.notifications.preference.control;

import fr.moncompte.portal.domain.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static fr.moncompte.portal.notifications.preference.entity.Channel.EMAIL;
import static fr.moncompte.portal.notifications.preference.entity.Channel.IN_APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table of SPEC §6, line by line. */
class PreferenceRuleTest {

    @Test
    void lists_every_event_of_the_spec_and_no_link_mail() {
        Set<EventType> listed = PreferenceRule.TABLE.stream().map(PreferenceRule::type).collect(Collectors.toSet());
        Set<EventType> expected = EnumSet.allOf(EventType.class);
        expected.removeAll(Set.of(EventType.PASSWORD_RESET_REQUESTED, EventType.EMAIL_CHANGE_REQUESTED));
        assertEquals(expected, listed);
    }

    @Test
    void security_events_cannot_be_switched_off() {
        for (EventType type : Set.of(EventType.USER_INVITED, EventType.PASSWORD_CHANGED, EventType.EMAIL_CHANGED,
                EventType.ACCOUNT_LOCKED)) {
            PreferenceRule rule = PreferenceRule.of(type).orElseThrow();
            assertTrue(rule.mandatory(), type.name());
            assertFalse(rule.switchable(EMAIL), type.name());
            assertFalse(rule.switchable(IN_APP), type.name());
        }
        assertFalse(PreferenceRule.of(EventType.USER_INVITED).orElseThrow().offers(IN_APP), "an invitation is a mail only");
    }

    @Test
    void access_and_invoice_events_come_by_mail_and_in_app_unless_switched_off() {
        for (EventType type : Set.of(EventType.ACCESS_GRANTED, EventType.ACCESS_REVOKED, EventType.INVOICE_ISSUED,
                EventType.INVOICE_OVERDUE, EventType.PAYMENT_FAILED)) {
            PreferenceRule rule = PreferenceRule.of(type).orElseThrow();
            assertTrue(rule.onByDefault(EMAIL) && rule.onByDefault(IN_APP), type.name());
            assertTrue(rule.switchable(EMAIL) && rule.switchable(IN_APP), type.name());
        }
        assertFalse(PreferenceRule.of(EventType.ACCESS_GRANTED).orElseThrow().forAdministrators());
        assertTrue(PreferenceRule.of(EventType.INVOICE_ISSUED).orElseThrow().forAdministrators());
    }

    @Test
    void a_payment_received_is_in_app_by_default_and_may_be_asked_by_mail() {
        PreferenceRule rule = PreferenceRule.of(EventType.PAYMENT_RECEIVED).orElseThrow();
        assertTrue(rule.onByDefault(IN_APP));
        assertFalse(rule.onByDefault(EMAIL));
        assertTrue(rule.switchable(EMAIL));
    }
}
