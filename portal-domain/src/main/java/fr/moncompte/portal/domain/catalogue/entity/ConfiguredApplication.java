package fr.moncompte.portal.domain.catalogue.entity;

import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** An application subscribed on a company (application configurée sur le dossier), from a start to an optional end. */
@Entity
@Table(name = "configured_application")
public class ConfiguredApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private Application application;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    protected ConfiguredApplication() {
    }

    public ConfiguredApplication(Company company, Application application, LocalDate startDate, LocalDate endDate) {
        this.company = company;
        this.application = application;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    /** The subscription stops after that day (it may be moved again, never before its start). */
    public void endOn(LocalDate day) {
        this.endDate = day;
    }

    /** Whether this subscription and the period from {@code start} to {@code end} (open when null) share a day. */
    public boolean overlaps(LocalDate start, LocalDate end) {
        return (end == null || !startDate.isAfter(end)) && (endDate == null || !start.isAfter(endDate));
    }

    public String describe() {
        return "company=" + company.getId() + ", application=" + application.getCode() + ", start=" + startDate
                + ", end=" + endDate;
    }

    /** The subscription is over on that day: access can no longer be granted to it. */
    public boolean hasEndedBy(LocalDate day) {
        return endDate != null && endDate.isBefore(day);
    }

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }

    public Long getId() {
        return id;
    }

    public Company getCompany() {
        return company;
    }

    public Application getApplication() {
        return application;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }
}
