package fr.moncompte.portal.billing.invoice.boundary;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a notification about an invoice says of it (its events carry only ids). For the notifications module only,
 * which runs as {@link Roles#SYSTEM}; people read invoices through {@link Invoices}, within their scope.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class InvoiceSummaries {

    @PersistenceContext(unitName = "billing")
    EntityManager em;

    public InvoiceSummary summary(long invoiceId) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null) {
            throw new NotFound();
        }
        return new InvoiceSummary(invoice.getId(), invoice.getNumber(), invoice.getCompanyName(),
                invoice.getBilledMonth(), invoice.getTotalIncludingVat(), invoice.getDueDate());
    }

    /** An invoice as a notification names it. */
    public record InvoiceSummary(long id, String number, String companyName, YearMonth billedMonth,
                                 BigDecimal totalIncludingVat, LocalDate dueDate) {
    }
}
