package fr.moncompte.portal.billing.invoice.boundary;

import fr.moncompte.portal.billing.document.control.FacturX;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceKind;
import fr.moncompte.portal.billing.payment.control.PaymentRecording;
import fr.moncompte.portal.billing.payment.entity.PaymentEvent;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.boundary.AuditRecords;
import fr.moncompte.portal.domain.billable.boundary.BillableCompanies;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import fr.moncompte.portal.billing.invoice.entity.PaymentState;
import java.util.List;
import java.util.Optional;

/**
 * Invoices and credit notes as a person may see them (SPEC §5 and §4 rule 1): administrators those addressed to the
 * customer accounts they administer (so a firm sees its clients' firm-billed invoices and the client does not),
 * operators all. Anything else answers "not found", the same as an id that does not exist. Lists are filtered,
 * sorted and paged in the database.
 */
@Stateless
@RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR})
public class Invoices {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @Resource
    SessionContext session;

    @EJB
    BillableCompanies billable;

    @EJB
    PaymentRecording payments;

    @EJB
    AuditRecords audit;

    /** One page of the invoices and credit notes in scope that the filter keeps, in the order asked. */
    public List<Invoice> find(InvoiceFilter filter, InvoiceOrder order, boolean ascending, int first, int max) {
        Optional<List<Long>> accounts = accounts();
        if (accounts.isPresent() && accounts.get().isEmpty()) {
            return List.of();
        }
        if (accounts.isEmpty()) {
            // SPEC §1: an operator's every read is logged, lists and searches too.
            audit.record(Long.parseLong(session.getCallerPrincipal().getName()), "INVOICES_LISTED", "INVOICE", null,
                    null, filter + ", rows=" + (first + 1) + "-" + (first + max), null);
        }
        String direction = ascending ? " asc" : " desc";
        return bind(em.createQuery("select i from Invoice i" + where(filter, accounts) + " order by " + order.path
                + direction + ", i.id" + direction, Invoice.class), filter, accounts)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** How many invoices and credit notes in scope the filter keeps. */
    public long count(InvoiceFilter filter) {
        Optional<List<Long>> accounts = accounts();
        if (accounts.isPresent() && accounts.get().isEmpty()) {
            return 0;
        }
        return bind(em.createQuery("select count(i) from Invoice i" + where(filter, accounts), Long.class), filter,
                accounts).getSingleResult();
    }

    private static String where(InvoiceFilter filter, Optional<List<Long>> accounts) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (accounts.isPresent()) {
            where.append(" and i.billingAccountId in :accounts");
        }
        if (filter.companyId() != null) {
            where.append(" and i.companyId = :company");
        }
        if (filter.from() != null) {
            where.append(" and i.billedMonth >= :from");
        }
        if (filter.to() != null) {
            where.append(" and i.billedMonth <= :to");
        }
        if (filter.state() != null) {
            where.append(" and i.state = :state");
        }
        if (filter.paymentState() != null) {
            where.append(" and i.paymentState = :paymentState and i.kind = :invoiceKind");
        }
        return where.toString();
    }

    /** The companies the invoices in scope are about, by name, for the company filter. */
    public List<CompanyOption> companies() {
        Optional<List<Long>> accounts = accounts();
        if (accounts.isPresent() && accounts.get().isEmpty()) {
            return List.of();
        }
        TypedQuery<Object[]> query = em.createQuery("select distinct i.companyId, i.companyName from Invoice i"
                + (accounts.isPresent() ? " where i.billingAccountId in :accounts" : "")
                + " order by i.companyName", Object[].class);
        accounts.ifPresent(ids -> query.setParameter("accounts", ids));
        List<CompanyOption> options = new ArrayList<>();
        Long previous = null;
        for (Object[] row : query.getResultList()) {
            // A company renamed between two invoices appears once, under one of its names.
            if (!row[0].equals(previous)) {
                options.add(new CompanyOption((Long) row[0], (String) row[1]));
            }
            previous = (Long) row[0];
        }
        return options;
    }

    /** An invoice or credit note in scope, with its lines, or "not found". */
    public Invoice invoice(long invoiceId) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null || !inScope(invoice)) {
            throw new NotFound();
        }
        invoice.getLines().size();
        return invoice;
    }

    /** An invoice in scope opened on its page: as {@link #invoice}, and an operator's read is logged (SPEC §1). */
    public Invoice open(long invoiceId, String sourceAddress) {
        Invoice invoice = invoice(invoiceId);
        logOperatorRead(invoice, "INVOICE_READ", sourceAddress);
        return invoice;
    }

    /** The Factur-X PDF of an invoice or credit note in scope; an operator's download is logged. */
    public InvoiceDocument pdf(long invoiceId, String sourceAddress) {
        Invoice invoice = invoice(invoiceId);
        logOperatorRead(invoice, "INVOICE_DOWNLOADED", sourceAddress);
        Invoice credited = invoice.getKind() == InvoiceKind.CREDIT_NOTE
                ? em.find(Invoice.class, invoice.getCreditedInvoiceId()) : null;
        if (credited != null) {
            credited.getLines().size();
        }
        return new InvoiceDocument(invoice.getNumber(), FacturX.render(invoice, credited));
    }

    /** The credit notes issued on an invoice in scope, oldest first. */
    public List<Invoice> creditNotes(long invoiceId) {
        invoice(invoiceId);
        return em.createQuery("select c from Invoice c where c.creditedInvoiceId = :id order by c.id", Invoice.class)
                .setParameter("id", invoiceId).getResultList();
    }

    /** The invoice a credit note in scope corrects. */
    public Optional<Invoice> credited(long creditNoteId) {
        Invoice note = invoice(creditNoteId);
        return Optional.ofNullable(note.getCreditedInvoiceId()).map(id -> em.find(Invoice.class, id));
    }

    public List<PaymentEvent> paymentHistory(long invoiceId) {
        invoice(invoiceId);
        return payments.history(invoiceId);
    }

    /**
     * The twelve billed months up to {@code last}, oldest first, each with its figures among the invoices in scope
     * that the filter's company keeps (a month without invoices has zeros): what the charts draw.
     */
    public List<MonthFigures> twelveMonths(Long companyId, YearMonth last) {
        YearMonth first = last.minusMonths(11);
        InvoiceFilter filter = new InvoiceFilter(companyId, first, last, null, null);
        Optional<List<Long>> accounts = accounts();
        Map<YearMonth, MonthFigures> byMonth = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            byMonth.put(first.plusMonths(i), new MonthFigures(first.plusMonths(i), 0, 0, BigDecimal.ZERO));
        }
        if (accounts.isPresent() && accounts.get().isEmpty()) {
            return List.copyOf(byMonth.values());
        }
        List<Object[]> rows = bind(em.createQuery("select i.billedMonth, i.kind, count(i), sum(i.totalIncludingVat),"
                + " sum(case when i.paymentState = :paid then 1 else 0 end) from Invoice i" + where(filter, accounts)
                + " group by i.billedMonth, i.kind", Object[].class), filter, accounts)
                .setParameter("paid", PaymentState.PAID).getResultList();
        for (Object[] row : rows) {
            YearMonth month = YearMonth.from((LocalDate) row[0]);
            MonthFigures sum = byMonth.get(month);
            BigDecimal amount = row[3] == null ? BigDecimal.ZERO : (BigDecimal) row[3];
            boolean invoice = row[1] == InvoiceKind.INVOICE;
            byMonth.put(month, new MonthFigures(month,
                    sum.issued() + (invoice ? ((Number) row[2]).longValue() : 0),
                    sum.paid() + (invoice ? ((Number) row[4]).longValue() : 0),
                    invoice ? sum.invoiced().add(amount) : sum.invoiced().subtract(amount)));
        }
        return List.copyOf(byMonth.values());
    }

    /** The total incl. VAT of the overdue invoices in scope (operators' Facturation). */
    public BigDecimal overdueTotal() {
        InvoiceFilter filter = new InvoiceFilter(null, null, null, null, PaymentState.OVERDUE);
        Optional<List<Long>> accounts = accounts();
        if (accounts.isPresent() && accounts.get().isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal total = bind(em.createQuery("select sum(i.totalIncludingVat) from Invoice i"
                + where(filter, accounts), BigDecimal.class), filter, accounts).getSingleResult();
        return total == null ? BigDecimal.ZERO : total;
    }

    /** What is still owed on an invoice in scope (incl. VAT, less its credit notes). */
    public BigDecimal due(long invoiceId) {
        return payments.due(invoice(invoiceId));
    }

    private void logOperatorRead(Invoice invoice, String action, String sourceAddress) {
        if (session.isCallerInRole(Roles.OPERATOR)) {
            audit.record(Long.parseLong(session.getCallerPrincipal().getName()), action, "INVOICE", invoice.getId(),
                    null, invoice.getNumber(), sourceAddress);
        }
    }

    private boolean inScope(Invoice invoice) {
        return accounts().map(ids -> ids.contains(invoice.getBillingAccountId())).orElse(true);
    }

    /** The accounts whose invoices the caller sees; absent for an operator, who sees every account's. */
    private Optional<List<Long>> accounts() {
        if (session.isCallerInRole(Roles.OPERATOR)) {
            return Optional.empty();
        }
        return Optional.of(billable.administeredAccounts(Long.parseLong(session.getCallerPrincipal().getName())));
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, InvoiceFilter filter, Optional<List<Long>> accounts) {
        accounts.ifPresent(ids -> query.setParameter("accounts", ids));
        if (filter.companyId() != null) {
            query.setParameter("company", filter.companyId());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from().atDay(1));
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to().atDay(1));
        }
        if (filter.state() != null) {
            query.setParameter("state", filter.state());
        }
        if (filter.paymentState() != null) {
            query.setParameter("paymentState", filter.paymentState());
            query.setParameter("invoiceKind", InvoiceKind.INVOICE);
        }
        return query;
    }
}
