package fr.moncompte.portal.web.it;

import fr.moncompte.portal.billing.control.InvoiceNumber;
import fr.moncompte.portal.billing.invoice.boundary.CreditNotes;
import fr.moncompte.portal.billing.invoice.boundary.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.payment.boundary.Payments;
import fr.moncompte.portal.billing.run.boundary.BillingRuns;
import fr.moncompte.portal.billing.run.control.InvoiceIssuing;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test-only (never in the shipped WAR): drives billing as the signed-in caller and reads back what it wrote.
 * POST {@code call=…} answers {@code ok[:detail]}, {@code not-found}, {@code refused:<key>} or {@code denied};
 * {@code call=chunk} issues one chunk of a month without a run around it, which is what a run killed after its first
 * chunk leaves behind. GET answers facts: {@code ?month=} the month's invoices as "count|companies",
 * {@code ?audits=} the payment audit events of an invoice, {@code ?numbers=F2026} a sequence as
 * "count|highest|distinct", {@code ?run=} a run as "state|done|total|issued",
 * {@code ?invoice=} the invoice's document fields, {@code ?find=company&month=} the id of a company's invoice.
 */
@WebServlet("/it/billing")
@ServletSecurity(@HttpConstraint(rolesAllowed = "USER"))
public class BillingProbe extends HttpServlet {

    @EJB
    InvoiceIssuing issuing;

    @EJB
    BillingRuns runs;

    @EJB
    CreditNotes creditNotes;

    @EJB
    Payments payments;

    @EJB
    Invoices invoices;

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    @PersistenceContext(unitName = "domain")
    EntityManager domain;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String outcome;
        try {
            long a = request.getParameter("a") == null ? 0 : Long.parseLong(request.getParameter("a"));
            String amount = request.getParameter("amount");
            outcome = "ok" + switch (request.getParameter("call")) {
                case "chunk" -> {
                    YearMonth month = YearMonth.parse(request.getParameter("month"));
                    LocalDate today = LocalDate.now();
                    issuing.ensureCounter(InvoiceNumber.Kind.INVOICE, today.getYear());
                    yield ":" + issuing.issue(month, today, 0, Integer.parseInt(request.getParameter("max"))).issued();
                }
                case "run" -> {
                    runs.start(YearMonth.parse(request.getParameter("month")), request.getRemoteAddr());
                    yield "";
                }
                case "credit" -> ":" + creditNotes.issue(a, amount == null ? null : new BigDecimal(amount),
                        request.getParameter("reason"), request.getRemoteAddr()).getNumber();
                case "pay" -> ":" + payments.recordPayment(a, new BigDecimal(amount), LocalDate.now(), "IT",
                        request.getParameter("key"), request.getRemoteAddr()).getPaymentState();
                case "fail" -> ":" + payments.recordFailure(a, LocalDate.now(), "IT", request.getParameter("key"),
                        request.getRemoteAddr()).getPaymentState();
                case "read" -> ":" + invoices.invoice(a).getNumber();
                default -> throw new IllegalArgumentException(request.getParameter("call"));
            };
        } catch (NotFound unknown) {
            outcome = "not-found";
        } catch (PortalException refused) {
            outcome = "refused:" + refused.messageKey();
        } catch (EJBAccessException forbidden) {
            outcome = "denied";
        }
        response.setContentType("text/plain");
        response.getWriter().print(outcome);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String answer;
        if (request.getParameter("payments") != null) {
            answer = String.valueOf(em.createQuery("select count(p) from PaymentEvent p where p.invoiceId = :id",
                    Long.class).setParameter("id", Long.parseLong(request.getParameter("payments"))).getSingleResult());
        } else if (request.getParameter("audits") != null) {
            // The audit events of payments recorded on an invoice (by an operator or a provider's notice).
            answer = String.valueOf(domain.createQuery("""
                            select count(a) from AuditEvent a where a.targetType = 'INVOICE' and a.targetId = :id
                            and a.action in ('PAYMENT_RECORDED', 'PROVIDER_NOTICE_RECORDED')""", Long.class)
                    .setParameter("id", request.getParameter("audits")).getSingleResult());
        } else if (request.getParameter("find") != null) {
            answer = String.valueOf(em.createQuery("""
                            select i.id from Invoice i where i.companyId = :company and i.billedMonth = :month
                            and i.kind = fr.moncompte.portal.billing.invoice.entity.InvoiceKind.INVOICE""", Long.class)
                    .setParameter("company", Long.parseLong(request.getParameter("find")))
                    .setParameter("month", YearMonth.parse(request.getParameter("month")).atDay(1))
                    .getResultStream().findFirst().orElse(-1L));
        } else if (request.getParameter("month") != null) {
            List<Invoice> month = em.createQuery("""
                            select i from Invoice i where i.billedMonth = :month
                            and i.kind = fr.moncompte.portal.billing.invoice.entity.InvoiceKind.INVOICE""", Invoice.class)
                    .setParameter("month", YearMonth.parse(request.getParameter("month")).atDay(1)).getResultList();
            answer = month.size() + "|" + month.stream().map(Invoice::getCompanyId).distinct().count();
        } else if (request.getParameter("numbers") != null) {
            String prefix = request.getParameter("numbers");
            List<String> numbers = em.createQuery("select i.number from Invoice i where i.number like :prefix",
                    String.class).setParameter("prefix", prefix + "-%").getResultList();
            long highest = numbers.stream().mapToLong(n -> InvoiceNumber.parse(n).sequence()).max().orElse(0);
            answer = numbers.size() + "|" + highest + "|" + numbers.stream().distinct().count();
        } else if (request.getParameter("run") != null) {
            answer = runs.run(YearMonth.parse(request.getParameter("run")))
                    .map(run -> run.getState() + "|" + run.getCompaniesDone() + "|" + run.getCompaniesTotal() + "|"
                            + run.getInvoicesIssued()).orElse("none");
        } else {
            Invoice invoice = em.find(Invoice.class, Long.parseLong(request.getParameter("invoice")));
            answer = String.join("|", invoice.getNumber(), invoice.getIssueDate().toString(),
                    invoice.getTotalExcludingVat().toPlainString(), invoice.getVatAmount().toPlainString(),
                    invoice.getTotalIncludingVat().toPlainString(), invoice.buyer().name(),
                    invoice.getLines().stream().map(line -> line.getLabel() + "=" + line.getAmount())
                            .collect(Collectors.joining(",")),
                    invoice.getState().name(), invoice.getPaymentState().name(),
                    invoice.getCreditedExcludingVat().toPlainString());
        }
        response.getWriter().print(answer);
    }
}
