package fr.moncompte.portal.billing.invoice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One line of an issued invoice; written with it and never changed. */
@Entity
@Table(name = "invoice_line")
@IdClass(InvoiceLine.Key.class)
public class InvoiceLine {

    /** The line's identity: its invoice and its place on it. */
    public static class Key implements Serializable {
        private Long invoice;
        private int lineNumber;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(invoice, key.invoice) && lineNumber == key.lineNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(invoice, lineNumber);
        }
    }

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id", nullable = false, updatable = false)
    private Invoice invoice;

    @Id
    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LineKind kind;

    @Column(name = "application_code", updatable = false)
    private String applicationCode;

    @Column(nullable = false, updatable = false)
    private String label;

    @Column(name = "period_start", nullable = false, updatable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private LocalDate periodEnd;

    @Column(nullable = false, updatable = false)
    private BigDecimal quantity;

    @Column(name = "unit_price", nullable = false, updatable = false)
    private BigDecimal unitPrice;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    protected InvoiceLine() {
    }

    InvoiceLine(Invoice invoice, int lineNumber, LineDraft draft) {
        this.invoice = invoice;
        this.lineNumber = lineNumber;
        this.kind = draft.kind();
        this.applicationCode = draft.applicationCode();
        this.label = draft.label();
        this.periodStart = draft.from();
        this.periodEnd = draft.to();
        this.quantity = draft.quantity();
        this.unitPrice = draft.unitPrice();
        this.amount = draft.amount();
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public LineKind getKind() {
        return kind;
    }

    public String getApplicationCode() {
        return applicationCode;
    }

    public String getLabel() {
        return label;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
