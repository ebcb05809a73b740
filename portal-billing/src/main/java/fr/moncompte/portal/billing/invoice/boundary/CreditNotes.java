package fr.moncompte.portal.billing.invoice.boundary;

import fr.moncompte.portal.billing.invoice.control.BillingTerms;
import fr.moncompte.portal.billing.invoice.control.CreditNoteIssuing;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.domain.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Operators correct an issued invoice with a credit note, for all of it or part (SPEC §5). */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class CreditNotes {

    @Resource
    SessionContext session;

    @EJB
    CreditNoteIssuing issuing;

    @Inject
    BillingTerms terms;

    /**
     * Issues a credit note; {@code excludingVat} absent credits everything left.
     *
     * @return the credit note
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Invoice issue(long invoiceId, BigDecimal excludingVat, String reason, String sourceAddress) {
        LocalDate today = terms.today();
        try {
            issuing.ensureCounter(today.getYear());
        } catch (EJBException raced) {
            // Another credit note created the year's counter at the same moment: it exists, which is all we need.
        }
        return issuing.issue(invoiceId, excludingVat, reason, today,
                Long.parseLong(session.getCallerPrincipal().getName()), sourceAddress);
    }
}
