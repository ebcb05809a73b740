package fr.moncompte.portal.domain.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change, as it happened. Never updated nor deleted: the class has no setters. */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.OF_TARGET, query = """
        select e from AuditEvent e
        where e.targetType = :targetType and e.targetId = :targetId
        order by e.occurredAt desc, e.id desc""")
public class AuditEvent {

    public static final String OF_TARGET = "AuditEvent.ofTarget";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "target_type", nullable = false, updatable = false)
    private String targetType;

    @Column(name = "target_id", updatable = false)
    private String targetId;

    @Column(name = "before_state", updatable = false)
    private String beforeState;

    @Column(name = "after_state", updatable = false)
    private String afterState;

    @Column(name = "source_address", updatable = false)
    private String sourceAddress;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, Long actorId, String action, String targetType, String targetId,
                      String beforeState, String afterState, String sourceAddress) {
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.sourceAddress = sourceAddress;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public String getBeforeState() {
        return beforeState;
    }

    public String getAfterState() {
        return afterState;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }
}
