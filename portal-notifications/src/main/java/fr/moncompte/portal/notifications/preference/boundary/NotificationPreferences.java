package fr.moncompte.portal.notifications.preference.boundary;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.boundary.OwnChanges;
import fr.moncompte.portal.domain.event.EventType;
import fr.moncompte.portal.notifications.preference.control.PreferenceRule;
import fr.moncompte.portal.notifications.preference.entity.Channel;
import fr.moncompte.portal.notifications.preference.entity.NotificationPreference;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The signed-in person's notification preferences (SPEC §6): one switch per event type and channel, mandatory events
 * locked on, invoice and payment events only for administrators. Each save writes an audit event in its transaction.
 */
@Stateless
@RolesAllowed(Roles.USER)
@DeclareRoles({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
public class NotificationPreferences {

    @PersistenceContext(unitName = "notifications")
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    OwnChanges audit;

    public List<PreferenceRow> mine() {
        long accountId = callerId();
        Map<NotificationPreference.Key, Boolean> stored = stored(accountId);
        return rulesForCaller().stream().map(rule -> new PreferenceRow(rule.type(), rule.mandatory(),
                        setting(rule, Channel.EMAIL, accountId, stored), setting(rule, Channel.IN_APP, accountId, stored)))
                .toList();
    }

    /**
     * Saves the caller's switches. Every switchable line of the caller's form must be given; a mandatory line may be
     * given only as it is (on), since nobody can switch it off ({@code preferences.locked}).
     *
     * @param wanted for each event type, the channels switched on
     */
    public void save(Map<EventType, Map<Channel, Boolean>> wanted, String sourceAddress) {
        long accountId = callerId();
        Instant now = Instant.now();
        Map<NotificationPreference.Key, NotificationPreference> stored = em
                .createNamedQuery(NotificationPreference.OF_ACCOUNT, NotificationPreference.class)
                .setParameter("accountId", accountId).getResultStream()
                .collect(Collectors.toMap(NotificationPreference::getKey, Function.identity()));
        Map<String, Boolean> before = new TreeMap<>();
        Map<String, Boolean> after = new TreeMap<>();
        for (PreferenceRule rule : rulesForCaller()) {
            for (Channel channel : Channel.values()) {
                Boolean asked = wanted.getOrDefault(rule.type(), Map.of()).get(channel);
                if (!rule.switchable(channel)) {
                    if (Boolean.FALSE.equals(asked) && rule.offers(channel)) {
                        throw new PortalException("preferences.locked");
                    }
                    continue;
                }
                if (asked == null) {
                    throw new PortalException("preferences.incomplete");
                }
                NotificationPreference.Key key = new NotificationPreference.Key(accountId, rule.type().name(), channel);
                NotificationPreference current = stored.get(key);
                boolean was = current == null ? rule.onByDefault(channel) : current.isEnabled();
                if (was != asked) {
                    before.put(key.eventType() + "." + channel, was);
                    after.put(key.eventType() + "." + channel, asked);
                }
                if (asked == rule.onByDefault(channel)) {
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

    /** For the delivery of notifications (issue 6): whether this person gets this event on this channel. */
    @RolesAllowed(Roles.SYSTEM)
    public boolean wants(long accountId, EventType type, Channel channel) {
        return PreferenceRule.of(type).map(rule -> {
            if (!rule.switchable(channel)) {
                return rule.mandatory() && rule.offers(channel);
            }
            NotificationPreference stored = em.find(NotificationPreference.class,
                    new NotificationPreference.Key(accountId, type.name(), channel));
            return stored == null ? rule.onByDefault(channel) : stored.isEnabled();
        }).orElse(false);
    }

    private List<PreferenceRule> rulesForCaller() {
        boolean administrator = session.isCallerInRole(Roles.CLIENT_ADMIN) || session.isCallerInRole(Roles.FIRM_ADMIN);
        return PreferenceRule.TABLE.stream().filter(rule -> administrator || !rule.forAdministrators()).toList();
    }

    private Map<NotificationPreference.Key, Boolean> stored(long accountId) {
        return em.createNamedQuery(NotificationPreference.OF_ACCOUNT, NotificationPreference.class)
                .setParameter("accountId", accountId).getResultStream()
                .collect(Collectors.toMap(NotificationPreference::getKey, NotificationPreference::isEnabled));
    }

    private static PreferenceRow.Setting setting(PreferenceRule rule, Channel channel, long accountId,
                                                 Map<NotificationPreference.Key, Boolean> stored) {
        if (!rule.offers(channel)) {
            return new PreferenceRow.Setting(false, false);
        }
        Boolean chosen = stored.get(new NotificationPreference.Key(accountId, rule.type().name(), channel));
        return new PreferenceRow.Setting(true, rule.mandatory() || (chosen == null ? rule.onByDefault(channel) : chosen));
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
