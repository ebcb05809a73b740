package fr.moncompte.portal.notifications.preference.control;

import fr.moncompte.portal.notifications.preference.entity.Channel;
import fr.moncompte.portal.notifications.topic.Topic;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static fr.moncompte.portal.notifications.preference.entity.Channel.EMAIL;
import static fr.moncompte.portal.notifications.preference.entity.Channel.IN_APP;

/**
 * One line of the table of SPEC §6: an event type, who receives it, on which channels it can come, which are on by
 * default, and whether a person may switch it off (a mandatory one may not: it is about their account's security).
 *
 * @param forAdministrators only administrators of a billed account receive it (invoices, payments)
 */
public record PreferenceRule(Topic type, boolean forAdministrators, boolean mandatory, Set<Channel> offered,
                             Set<Channel> byDefault) {

    /** SPEC §6, in the order the preferences form lists them. */
    public static final List<PreferenceRule> TABLE = List.of(
            mandatory(Topic.USER_INVITED, Set.of(EMAIL)),
            mandatory(Topic.PASSWORD_CHANGED, Set.of(EMAIL, IN_APP)),
            mandatory(Topic.EMAIL_CHANGED, Set.of(EMAIL, IN_APP)),
            mandatory(Topic.ACCOUNT_LOCKED, Set.of(EMAIL, IN_APP)),
            mandatory(Topic.MEMBERSHIP_ENDED, Set.of(EMAIL, IN_APP)),
            mandatory(Topic.COMPANY_INVITATION, Set.of(EMAIL, IN_APP)),
            mandatory(Topic.SECOND_FACTOR_ADDED, Set.of(EMAIL, IN_APP)),
            mandatory(Topic.SECOND_FACTOR_REMOVED, Set.of(EMAIL, IN_APP)),
            mandatory(Topic.RECOVERY_CODE_USED, Set.of(EMAIL, IN_APP)),
            mandatory(Topic.RECOVERY_CODES_REGENERATED, Set.of(EMAIL, IN_APP)),
            mandatory(Topic.SECOND_FACTOR_RESET, Set.of(EMAIL, IN_APP)),
            optional(Topic.ACCESS_GRANTED, false, Set.of(EMAIL, IN_APP)),
            optional(Topic.ACCESS_REVOKED, false, Set.of(EMAIL, IN_APP)),
            optional(Topic.INVOICE_ISSUED, true, Set.of(EMAIL, IN_APP)),
            optional(Topic.INVOICE_OVERDUE, true, Set.of(EMAIL, IN_APP)),
            optional(Topic.PAYMENT_FAILED, true, Set.of(EMAIL, IN_APP)),
            // A company's invoices go to another party from a month on (issue 21).
            optional(Topic.BILLING_ARRANGEMENT_CHANGED, true, Set.of(EMAIL, IN_APP)),
            // In-app by default; a person may ask for the e-mail too.
            optional(Topic.PAYMENT_RECEIVED, true, Set.of(IN_APP)));

    public PreferenceRule {
        offered = Set.copyOf(offered);
        byDefault = Set.copyOf(byDefault);
    }

    private static PreferenceRule mandatory(Topic type, Set<Channel> channels) {
        return new PreferenceRule(type, false, true, channels, channels);
    }

    private static PreferenceRule optional(Topic type, boolean forAdministrators, Set<Channel> byDefault) {
        return new PreferenceRule(type, forAdministrators, false, Set.of(EMAIL, IN_APP), byDefault);
    }

    public static Optional<PreferenceRule> of(Topic type) {
        return TABLE.stream().filter(rule -> rule.type() == type).findFirst();
    }

    public boolean offers(Channel channel) {
        return offered.contains(channel);
    }

    public boolean onByDefault(Channel channel) {
        return byDefault.contains(channel);
    }

    /** What a person may change: a channel the event can come on, of an event that is not mandatory. */
    public boolean switchable(Channel channel) {
        return !mandatory && offers(channel);
    }
}
