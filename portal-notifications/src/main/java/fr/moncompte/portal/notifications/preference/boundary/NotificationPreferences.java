package fr.moncompte.portal.notifications.preference.boundary;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.boundary.OwnChanges;
import fr.moncompte.portal.notifications.preference.control.PreferenceRule;
import fr.moncompte.portal.notifications.preference.entity.Channel;
import fr.moncompte.portal.notifications.preference.entity.Delivery;
import fr.moncompte.portal.notifications.preference.entity.NotificationPreference;
import fr.moncompte.portal.notifications.topic.Topic;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The signed-in person's notification preferences (SPEC §6): per event type and channel, off, as it happens, or in a
 * daily digest (beyond the article); mandatory events locked on, as they happen; invoice and payment events only for
 * administrators. Each save writes an audit event in its transaction.
 */
@Stateless
@RolesAllowed(Roles.USER)
@DeclareRoles({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
public class NotificationPreferences {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    OwnChanges audit;

    public List<PreferenceRow> mine() {
        long accountId = callerId();
        Map<NotificationPreference.Key, Delivery> stored = stored(accountId);
        return rulesForCaller().stream().map(rule -> new PreferenceRow(rule.type(), rule.mandatory(),
                        setting(rule, Channel.EMAIL, accountId, stored), setting(rule, Channel.IN_APP, accountId, stored)))
                .toList();
    }

    /**
     * Saves the caller's choices. Every switchable line of the caller's form must be given; a mandatory line may be
     * given only as it is (as it happens), since nobody can switch it off nor delay it ({@code preferences.locked}).
     *
     * @param wanted for each event type, how each channel delivers it
     */
    public void save(Map<Topic, Map<Channel, Delivery>> wanted, String sourceAddress) {
        long accountId = callerId();
        Instant now = clock.instant();
        Map<NotificationPreference.Key, NotificationPreference> stored = em
                .createNamedQuery(NotificationPreference.OF_ACCOUNT, NotificationPreference.class)
                .setParameter("accountId", accountId).getResultStream()
                .collect(Collectors.toMap(NotificationPreference::getKey, Function.identity()));
        Map<String, Delivery> before = new TreeMap<>();
        Map<String, Delivery> after = new TreeMap<>();
        for (PreferenceRule rule : rulesForCaller()) {
            for (Channel channel : Channel.values()) {
                Delivery asked = wanted.getOrDefault(rule.type(), Map.of()).get(channel);
                if (!rule.switchable(channel)) {
                    if (asked != null && asked != Delivery.IMMEDIATE && rule.offers(channel)) {
                        throw new PortalException("preferences.locked");
                    }
                    continue;
                }
                if (asked == null) {
                    throw new PortalException("preferences.incomplete");
                }
                NotificationPreference.Key key = new NotificationPreference.Key(accountId, rule.type().name(), channel);
                NotificationPreference current = stored.get(key);
                Delivery byDefault = byDefault(rule, channel);
                Delivery was = current == null ? byDefault : current.getDelivery();
                if (was != asked) {
                    before.put(key.eventType() + "." + channel, was);
                    after.put(key.eventType() + "." + channel, asked);
                }
                if (asked == byDefault) {
                    if (current != null) {
                        em.remove(current);
                    }
                } else if (current == null) {
                    em.persist(new NotificationPreference(key, asked, now));
                } else {
                    current.change(asked, now);
                }
            }
        }
        if (!after.isEmpty()) {
            audit.record("NOTIFICATION_PREFERENCES_CHANGED", before.toString(), after.toString(), sourceAddress);
        }
    }

    /** For the delivery of notifications: how this person gets this event on this channel. */
    @RolesAllowed(Roles.SYSTEM)
    public Delivery delivery(long accountId, Topic type, Channel channel) {
        return PreferenceRule.of(type).map(rule -> {
            if (!rule.switchable(channel)) {
                return rule.mandatory() && rule.offers(channel) ? Delivery.IMMEDIATE : Delivery.OFF;
            }
            NotificationPreference stored = em.find(NotificationPreference.class,
                    new NotificationPreference.Key(accountId, type.name(), channel));
            return stored == null ? byDefault(rule, channel) : stored.getDelivery();
        }).orElse(Delivery.OFF);
    }

    private static Delivery byDefault(PreferenceRule rule, Channel channel) {
        return rule.onByDefault(channel) ? Delivery.IMMEDIATE : Delivery.OFF;
    }

    private List<PreferenceRule> rulesForCaller() {
        boolean administrator = session.isCallerInRole(Roles.CLIENT_ADMIN) || session.isCallerInRole(Roles.FIRM_ADMIN);
        return PreferenceRule.TABLE.stream().filter(rule -> administrator || !rule.forAdministrators()).toList();
    }

    private Map<NotificationPreference.Key, Delivery> stored(long accountId) {
        return em.createNamedQuery(NotificationPreference.OF_ACCOUNT, NotificationPreference.class)
                .setParameter("accountId", accountId).getResultStream()
                .collect(Collectors.toMap(NotificationPreference::getKey, NotificationPreference::getDelivery));
    }

    private static PreferenceRow.Setting setting(PreferenceRule rule, Channel channel, long accountId,
                                                 Map<NotificationPreference.Key, Delivery> stored) {
        if (!rule.offers(channel)) {
            return new PreferenceRow.Setting(false, Delivery.OFF);
        }
        if (rule.mandatory()) {
            return new PreferenceRow.Setting(true, Delivery.IMMEDIATE);
        }
        Delivery chosen = stored.get(new NotificationPreference.Key(accountId, rule.type().name(), channel));
        return new PreferenceRow.Setting(true, chosen == null ? byDefault(rule, channel) : chosen);
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
