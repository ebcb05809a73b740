package fr.moncompte.portal.notifications.preference.control;

import fr.moncompte.portal.notifications.topic.Topic;
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
        Set<Topic> listed = PreferenceRule.TABLE.stream().map(PreferenceRule::type).collect(Collectors.toSet());
        Set<Topic> expected = EnumSet.allOf(Topic.class);
        expected.removeAll(Set.of(Topic.PASSWORD_RESET_REQUESTED, Topic.EMAIL_CHANGE_REQUESTED));
        assertEquals(expected, listed);
    }

    @Test
    void security_events_cannot_be_switched_off() {
        for (Topic type : Set.of(Topic.USER_INVITED, Topic.PASSWORD_CHANGED, Topic.EMAIL_CHANGED,
                Topic.ACCOUNT_LOCKED)) {
            PreferenceRule rule = PreferenceRule.of(type).orElseThrow();
            assertTrue(rule.mandatory(), type.name());
            assertFalse(rule.switchable(EMAIL), type.name());
            assertFalse(rule.switchable(IN_APP), type.name());
        }
        assertFalse(PreferenceRule.of(Topic.USER_INVITED).orElseThrow().offers(IN_APP), "an invitation is a mail only");
    }

    @Test
    void access_and_invoice_events_come_by_mail_and_in_app_unless_switched_off() {
        for (Topic type : Set.of(Topic.ACCESS_GRANTED, Topic.ACCESS_REVOKED, Topic.INVOICE_ISSUED,
                Topic.INVOICE_OVERDUE, Topic.PAYMENT_FAILED)) {
            PreferenceRule rule = PreferenceRule.of(type).orElseThrow();
            assertTrue(rule.onByDefault(EMAIL) && rule.onByDefault(IN_APP), type.name());
            assertTrue(rule.switchable(EMAIL) && rule.switchable(IN_APP), type.name());
        }
        assertFalse(PreferenceRule.of(Topic.ACCESS_GRANTED).orElseThrow().forAdministrators());
        assertTrue(PreferenceRule.of(Topic.INVOICE_ISSUED).orElseThrow().forAdministrators());
    }

    @Test
    void a_payment_received_is_in_app_by_default_and_may_be_asked_by_mail() {
        PreferenceRule rule = PreferenceRule.of(Topic.PAYMENT_RECEIVED).orElseThrow();
        assertTrue(rule.onByDefault(IN_APP));
        assertFalse(rule.onByDefault(EMAIL));
        assertTrue(rule.switchable(EMAIL));
    }
}
