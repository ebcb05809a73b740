package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.payment.boundary.Payments;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import fr.moncompte.portal.domain.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Payments recorded on invoices (SPEC §5), for operators, through {@link Payments} as the invoice page. Every request
 * carries an {@code Idempotency-Key}: a retry with the same key (after a timeout, or twice at once) records nothing
 * more and gets the same answer.
 */
@Path("payments")
@Tag(name = "Payments")
@SecurityRequirement(name = PortalApi.BEARER)
public class PaymentsResource {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,80}");

    /** What happened to an invoice's payment. */
    public enum Kind { PAYMENT, FAILURE, REFUND }

    /**
     * A payment to record.
     *
     * @param amount    for a PAYMENT, in euros, to the cent
     * @param date      the day it happened (today when absent)
     * @param reference the payment's reference, or for a FAILURE its reason (200 characters at most)
     */
    public record PaymentRequest(long invoiceId, Kind kind, BigDecimal amount, LocalDate date, String reference) {
    }

    /** The invoice's payment state after the request. */
    public record PaymentOutcome(long invoiceId, String invoiceNumber, String paymentState) {
    }

    @EJB
    Payments payments;

    @Context
    HttpServletRequest request;

    @POST
    @RolesAllowed(Roles.OPERATOR) // the boundary's own rule, checked before the body is read
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a payment, a failed payment or a refund on an invoice (operators)")
    @APIResponse(responseCode = "200", description = "Recorded, or recorded before under the same key",
            content = @Content(schema = @Schema(implementation = PaymentOutcome.class)))
    @APIResponse(responseCode = "400", description = "api.idempotencyKey.invalid, api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: no such invoice",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "billing.payment.amount, billing.payment.notAwaited,"
            + " billing.payment.creditNote, billing.payment.reference, billing.payment.keyReused (the key was used"
            + " for another invoice), and the refund's and failure's own rules",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public PaymentOutcome record(@HeaderParam("Idempotency-Key") @Parameter(required = true,
            description = "Printable ASCII, 1 to 80 characters, one per payment (a UUID will do)") String key,
                                 PaymentRequest payment) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidRequest("api.idempotencyKey.invalid");
        }
        if (payment == null || payment.kind() == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        // Keys of the API apart from the pages' own: a client's key can never meet a form's.
        String idempotencyKey = "api:" + key;
        LocalDate on = payment.date() == null ? LocalDate.now() : payment.date();
        String from = request.getRemoteAddr();
        Invoice invoice = switch (payment.kind()) {
            case PAYMENT -> payments.recordPayment(payment.invoiceId(), payment.amount(), on, payment.reference(),
                    idempotencyKey, from);
            case FAILURE -> payments.recordFailure(payment.invoiceId(), on, payment.reference(), idempotencyKey, from);
            case REFUND -> payments.recordRefund(payment.invoiceId(), on, payment.reference(), idempotencyKey, from);
        };
        return new PaymentOutcome(invoice.getId(), invoice.getNumber(), invoice.getPaymentState().name());
    }
}
