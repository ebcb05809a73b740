package fr.moncompte.portal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A decision that applies from a month on (issue 21): a company's billing arrangement, an application's prices. Its
 * month is kept as that month's first day; a row from {@link #SINCE_ALWAYS} says how things stood before the first
 * change. Who recorded it and when are kept with it.
 */
@MappedSuperclass
public abstract class FromMonth {

    /** The month the first row of a history starts from: "since always". */
    public static final LocalDate SINCE_ALWAYS = LocalDate.of(2000, 1, 1);

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by")
    private Long recordedBy;

    protected FromMonth() {
    }

    protected FromMonth(LocalDate effectiveFrom, Instant recordedAt, Long recordedBy) {
        this.effectiveFrom = effectiveFrom;
        recorded(recordedAt, recordedBy);
    }

    /** A later decision for the same month replaced this one. */
    protected final void recorded(Instant at, Long by) {
        this.recordedAt = at;
        this.recordedBy = by;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public YearMonth getMonth() {
        return YearMonth.from(effectiveFrom);
    }

    public boolean isSinceAlways() {
        return effectiveFrom.equals(SINCE_ALWAYS);
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Long getRecordedBy() {
        return recordedBy;
    }
}
