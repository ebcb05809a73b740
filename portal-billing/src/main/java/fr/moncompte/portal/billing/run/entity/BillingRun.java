package fr.moncompte.portal.billing.run.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The last run of a month, as the operator's progress bar shows it: how many companies it has gone through out of
 * how many, how many invoices it issued, and how it ended. Running a month again starts a new count.
 */
@Entity
@Table(name = "billing_run")
public class BillingRun {

    @Id
    @Column(name = "billed_month")
    private LocalDate billedMonth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunState state;

    @Column(name = "companies_total", nullable = false)
    private long companiesTotal;

    @Column(name = "companies_done", nullable = false)
    private long companiesDone;

    @Column(name = "invoices_issued", nullable = false)
    private long invoicesIssued;

    @Column(name = "started_by")
    private Long startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private String failure;

    protected BillingRun() {
    }

    public BillingRun(YearMonth month, Instant startedAt) {
        this.billedMonth = month.atDay(1);
        this.state = RunState.RUNNING;
        this.startedAt = startedAt;
    }

    public void start(long companies, Long operator, Instant at) {
        state = RunState.RUNNING;
        companiesTotal = companies;
        companiesDone = 0;
        invoicesIssued = 0;
        startedBy = operator;
        startedAt = at;
        finishedAt = null;
        failure = null;
    }

    public void advance(int companies, int issued) {
        companiesDone = Math.min(companiesTotal, companiesDone + companies);
        invoicesIssued += issued;
    }

    public void finish(Instant at) {
        state = RunState.FINISHED;
        companiesDone = companiesTotal;
        finishedAt = at;
    }

    public void fail(String reason, Instant at) {
        state = RunState.FAILED;
        failure = reason == null ? null : reason.substring(0, Math.min(reason.length(), 500));
        finishedAt = at;
    }

    /** Done so far, out of 100, for the progress bar. */
    public int percent() {
        return companiesTotal == 0 ? (state == RunState.RUNNING ? 0 : 100)
                : (int) Math.min(100, companiesDone * 100 / companiesTotal);
    }

    public YearMonth getMonth() {
        return YearMonth.from(billedMonth);
    }

    public RunState getState() {
        return state;
    }

    public long getCompaniesTotal() {
        return companiesTotal;
    }

    public long getCompaniesDone() {
        return companiesDone;
    }

    public long getInvoicesIssued() {
        return invoicesIssued;
    }

    public Long getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getFailure() {
        return failure;
    }
}
