package fr.moncompte.portal.notifications.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An event the notifications module has handled; its id as primary key makes a second delivery a no-op. */
@Entity
@Table(name = "ntf_handled_event")
public class HandledEvent {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "handled_at", nullable = false)
    private Instant handledAt;

    protected HandledEvent() {
    }

    public HandledEvent(String eventId, String eventType, Instant handledAt) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.handledAt = handledAt;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public Instant getHandledAt() {
        return handledAt;
    }
}
