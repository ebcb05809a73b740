package fr.moncompte.portal.billing.invoice.boundary;

import fr.moncompte.portal.billing.invoice.entity.InvoiceState;
import fr.moncompte.portal.billing.invoice.entity.PaymentState;

import java.time.YearMonth;

/**
 * What a list of invoices is narrowed to; every part may be absent.
 *
 * @param from first billed month shown
 * @param to last billed month shown
 */
public record InvoiceFilter(Long companyId, YearMonth from, YearMonth to, InvoiceState state,
                            PaymentState paymentState) {

    public static final InvoiceFilter ALL = new InvoiceFilter(null, null, null, null, null);

    public InvoiceFilter forCompany(long company) {
        return new InvoiceFilter(company, from, to, state, paymentState);
    }
}
