package fr.moncompte.portal.billing.invoice.entity;

import fr.moncompte.portal.billing.control.Totals;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.billable.boundary.Party;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything an invoice or a credit note says, computed and ready to be numbered and written in the issuing
 * transaction.
 *
 * @param monthlyKey "company/month" for a run's invoice (unique: issued once), absent for a credit note
 * @param creditedInvoiceId the invoice a credit note corrects, absent for an invoice
 * @param issuedBy the operator who issued a credit note, absent for a run
 */
public record InvoiceDraft(InvoiceKind kind, String monthlyKey, long companyId, String companyName,
                           String companySiren, long billingAccountId, YearMonth billedMonth, LocalDate periodStart,
                           LocalDate periodEnd, LocalDate issueDate, LocalDate dueDate, Language language,
                           Party seller, String sellerLegalMentions, Party buyer, Totals totals,
                           Long creditedInvoiceId, String creditReason, Long issuedBy, List<LineDraft> lines) {

    public InvoiceDraft {
        lines = List.copyOf(lines);
    }

    public static String monthlyKey(long companyId, YearMonth month) {
        return companyId + "/" + month;
    }
}
