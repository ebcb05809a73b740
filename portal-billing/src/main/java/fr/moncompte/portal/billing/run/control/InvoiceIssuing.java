package fr.moncompte.portal.billing.run.control;

import fr.moncompte.portal.billing.control.InvoiceNumber;
import fr.moncompte.portal.billing.event.BillingEventType;
import fr.moncompte.portal.billing.invoice.control.BillingTerms;
import fr.moncompte.portal.billing.invoice.control.InvoiceComputation;
import fr.moncompte.portal.billing.invoice.control.InvoiceNumbering;
import fr.moncompte.portal.billing.invoice.control.InvoiceWriter;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceDraft;
import fr.moncompte.portal.domain.billable.boundary.BillableCompanies;
import fr.moncompte.portal.domain.billable.boundary.BillableCompany;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.schema.boundary.DomainSchema;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Issues the invoices of one chunk of companies in one transaction: the counter is locked first, then the companies
 * already invoiced for the month are skipped, the others computed, numbered, written and announced. The chunk commits
 * whole or not at all, so a run stopped at any point leaves only complete, consecutively numbered invoices behind,
 * and running the month again issues exactly the missing ones.
 */
@Stateless
@PermitAll
public class InvoiceIssuing {

    @Inject
    Clock clock;

    /** What a chunk did: where the next one starts, how many companies it read and how many invoices it issued. */
    public record Chunk(long lastCompanyId, int companies, int issued, boolean last) {
    }

    @Resource(lookup = DomainSchema.DATASOURCE)
    DataSource dataSource;

    @EJB
    BillableCompanies billable;

    @EJB
    ApplicationEvents events;

    @Inject
    BillingTerms terms;

    /** Creates the year's counter in a transaction of its own (see {@link InvoiceNumbering#ensure}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensureCounter(InvoiceNumber.Kind kind, int year) {
        try (Connection connection = dataSource.getConnection()) {
            InvoiceNumbering.ensure(connection, kind, year);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the " + kind + " counter of " + year, e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Chunk issue(YearMonth month, LocalDate issueDate, long afterCompanyId, int max) {
        List<BillableCompany> companies = billable.after(month, afterCompanyId, max);
        if (companies.isEmpty()) {
            return new Chunk(afterCompanyId, 0, 0, true);
        }
        long first = companies.get(0).companyId();
        long last = companies.get(companies.size() - 1).companyId();
        InvoiceComputation.Terms shared = terms.terms();
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            int year = issueDate.getYear();
            long lastNumber = InvoiceNumbering.lock(connection, InvoiceNumber.Kind.INVOICE, year);
            Set<Long> invoiced = invoiced(connection, month, first, last);
            List<InvoiceDraft> drafts = new ArrayList<>();
            for (BillableCompany company : companies) {
                if (!invoiced.contains(company.companyId())) {
                    InvoiceDraft draft = InvoiceComputation.invoice(company, month, issueDate, shared);
                    if (!draft.lines().isEmpty()) {
                        drafts.add(draft);
                    }
                }
            }
            if (!drafts.isEmpty()) {
                long[] ids = InvoiceWriter.ids(connection, drafts.size());
                List<Invoice> invoices = new ArrayList<>(drafts.size());
                for (int i = 0; i < drafts.size(); i++) {
                    String number = new InvoiceNumber(InvoiceNumber.Kind.INVOICE, year, lastNumber + 1 + i).toString();
                    invoices.add(new Invoice(ids[i], number, drafts.get(i), now));
                }
                InvoiceWriter.write(connection, invoices);
                InvoiceNumbering.advance(connection, InvoiceNumber.Kind.INVOICE, year, lastNumber + drafts.size());
                events.publishAll(invoices.stream()
                        .map(invoice -> BillingEventType.INVOICE_ISSUED.about(invoice, null, now)).toList());
            }
            return new Chunk(last, companies.size(), drafts.size(), companies.size() < max);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not issue the invoices of " + month + " after company "
                    + afterCompanyId, e);
        }
    }

    private static Set<Long> invoiced(Connection connection, YearMonth month, long first, long last)
            throws SQLException {
        Set<Long> invoiced = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select company_id from invoice
                where kind = 'INVOICE' and billed_month = ? and company_id >= ? and company_id <= ?""")) {
            select.setDate(1, java.sql.Date.valueOf(month.atDay(1)));
            select.setLong(2, first);
            select.setLong(3, last);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    invoiced.add(rows.getLong(1));
                }
            }
        }
        return invoiced;
    }
}
