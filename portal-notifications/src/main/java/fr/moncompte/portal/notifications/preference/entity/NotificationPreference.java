package fr.moncompte.portal.notifications.preference.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One person's choice for one event type on one channel, kept only where it differs from the default. */
@Entity
@Table(name = "ntf_preference")
@NamedQuery(name = NotificationPreference.OF_ACCOUNT, query = """
        select p from NotificationPreference p where p.key.accountId = :accountId""")
public class NotificationPreference {

    public static final String OF_ACCOUNT = "NotificationPreference.ofAccount";

    /** Account, event type and channel (a class, not a record: JPA 3.1 embeds no records). */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "account_id")
        private Long accountId;

        @Column(name = "event_type")
        private String eventType;

        @Enumerated(EnumType.STRING)
        @Column(name = "channel")
        private Channel channel;

        protected Key() {
        }

        public Key(long accountId, String eventType, Channel channel) {
            this.accountId = accountId;
            this.eventType = eventType;
            this.channel = channel;
        }

        public String eventType() {
            return eventType;
        }

        public Channel channel() {
            return channel;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(accountId, key.accountId)
                    && Objects.equals(eventType, key.eventType) && channel == key.channel;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, eventType, channel);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private boolean enabled;

    /** Gathered in the daily digest rather than sent as it happens (only when enabled). */
    @Column(nullable = false)
    private boolean digest;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected NotificationPreference() {
    }

    public NotificationPreference(Key key, Delivery delivery, Instant changedAt) {
        this.key = key;
        change(delivery, changedAt);
    }

    public Key getKey() {
        return key;
    }

    public Delivery getDelivery() {
        return Delivery.of(enabled, digest);
    }

    public void change(Delivery delivery, Instant when) {
        this.enabled = delivery != Delivery.OFF;
        this.digest = delivery == Delivery.DIGEST;
        this.changedAt = when;
    }
}
