package fr.moncompte.portal.billing.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of an invoice's payment history; appended, never changed. */
@Entity
@Table(name = "payment_event")
@SequenceGenerator(name = "billing_seq", sequenceName = "billing_seq", allocationSize = 50)
public class PaymentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "billing_seq")
    private Long id;

    @Column(name = "invoice_id", nullable = false, updatable = false)
    private long invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentEventKind kind;

    @Column(updatable = false)
    private BigDecimal amount;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Column(updatable = false)
    private String reference;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "recorded_by", updatable = false)
    private Long recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected PaymentEvent() {
    }

    public PaymentEvent(long invoiceId, PaymentEventKind kind, BigDecimal amount, LocalDate occurredOn,
                        String reference, String idempotencyKey, Long recordedBy, Instant recordedAt) {
        this.invoiceId = invoiceId;
        this.kind = kind;
        this.amount = amount;
        this.occurredOn = occurredOn;
        this.reference = reference;
        this.idempotencyKey = idempotencyKey;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public long getInvoiceId() {
        return invoiceId;
    }

    public PaymentEventKind getKind() {
        return kind;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getReference() {
        return reference;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Long getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
