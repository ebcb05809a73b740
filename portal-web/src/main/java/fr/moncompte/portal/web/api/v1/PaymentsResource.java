package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.payment.boundary.Payments;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.UniqueKeys;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Payments recorded on invoices (SPEC §5) through {@link Payments}: by operators, as on the invoice page, and by a
 * payment provider's callback, signed with a shared secret (the boundary checks the signature). Every request carries
 * an {@code Idempotency-Key}: a retry with the same key (after a timeout, or twice at once) records nothing more and
 * gets the same answer. The path needs no token in web.xml, so that the provider's signed call reaches this resource;
 * a token, when sent, is verified all the same.
 */
@Path("payments")
@Tag(name = "Payments")
@SecurityRequirement(name = PortalApi.BEARER)
public class PaymentsResource {

    public static final String SIGNATURE = "Payment-Signature";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,80}");
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Clock clock;

    /** What happened to an invoice's payment. */
    enum Kind { PAYMENT, FAILURE, REFUND }

    /** A payment, failed payment or refund to record (each field named for the description: see PortalApi). */
    public record PaymentRequest(@Schema(description = "The invoice", required = true) Long invoiceId,
                                 @Schema(enumeration = {"PAYMENT", "FAILURE", "REFUND"}, required = true)
                                 String kind,
                                 @Schema(description = "For a PAYMENT: the amount received in euros, to the cent",
                                         example = "108.60") BigDecimal amount,
                                 @Schema(description = "The day it happened, today at the latest in the portal's"
                                         + " time zone (today when absent)",
                                         format = "date") LocalDate date,
                                 @Schema(description = "The payment's reference, or a failure's reason (200"
                                         + " characters at most)", maxLength = 200) String reference) {
    }

    /** The invoice's payment state after the request (for a request repeated under its key: as it stands now). */
    public record PaymentOutcome(long invoiceId, String invoiceNumber, String paymentState) {
    }

    @EJB
    Payments payments;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a payment, a failed payment or a refund on an invoice (operators, payment provider)",
            description = "Two callers: an operator with a bearer token; or a payment provider's callback, without a"
                    + " token but with a Payment-Signature header: 't=<unix seconds>,v1=<hex HMAC-SHA256 of"
                    + " \"<t>.<Idempotency-Key>.<body>\" under the shared secret portal.billing.provider.secret>',"
                    + " made within portal.billing.provider.tolerance-seconds (five minutes). Either way the same"
                    + " Idempotency-Key and body give the same answer and record once; the same key with another"
                    + " invoice, kind or amount is refused (billing.payment.keyReused).")
    @APIResponse(responseCode = "200", description = "Recorded, or recorded before under the same key",
            content = @Content(schema = @Schema(implementation = PaymentOutcome.class)))
    @APIResponse(responseCode = "400", description = "api.idempotencyKey.invalid, api.body.invalid,"
            + " billing.notice.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "api.unauthorized (neither token nor signature),"
            + " api.token.refused, billing.notice.signature (a signature that does not hold, or a stale one)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: a token of someone who is not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: no such invoice",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "billing.payment.amount, billing.payment.notAwaited,"
            + " billing.payment.creditNote, billing.payment.reference, billing.payment.keyReused (the key was used"
            + " for another invoice), billing.failure.notAwaited, billing.refund.notPaid; api.fieldsRefused with"
            + " the field date and billing.payment.dayFuture for a day after today in the portal's time zone",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "PaymentRequest")))
    public PaymentOutcome record(@HeaderParam("Idempotency-Key") @Parameter(required = true,
                                         description = "Printable ASCII, 1 to 80 characters, one per payment")
                                 String key,
                                 @HeaderParam(SIGNATURE) @Parameter(description = "A payment provider's signature")
                                 String signature,
                                 byte[] body) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidRequest("api.idempotencyKey.invalid");
        }
        String from = request.getRemoteAddr();
        if (security.getUserPrincipal() == null) {
            if (signature == null) {
                throw new NotAuthorizedException("Bearer realm=\"moncompte\"");
            }
            return outcome(onceMoreIfRaced(() -> payments.notice(body == null ? new byte[0] : body, signature, key,
                    from)));
        }
        if (!security.isUserInRole(Roles.OPERATOR)) {
            throw new ForbiddenException();
        }
        PaymentRequest payment = parse(body);
        // The operators' keys apart from the provider's and the forms': a client's key can never meet theirs.
        String idempotencyKey = "api:" + key;
        LocalDate on = payment.date() == null ? LocalDate.now(clock) : payment.date();
        Kind kind = InvalidRequest.constant(Kind.class, payment.kind());
        return outcome(onceMoreIfRaced(() -> switch (kind) {
            case PAYMENT -> payments.recordPayment(payment.invoiceId(), payment.amount(), on, payment.reference(),
                    idempotencyKey, from);
            case FAILURE -> payments.recordFailure(payment.invoiceId(), on, payment.reference(), idempotencyKey, from);
            case REFUND -> payments.recordRefund(payment.invoiceId(), on, payment.reference(), idempotencyKey, from);
        }));
    }

    /**
     * The same key sent at once for two different invoices: each request holds its own invoice's lock, neither sees
     * the other's entry, and the later one loses on the key's unique index when it commits. Asked once more, it finds
     * the winner's entry and gets the answer any reuse of a key gets (billing.payment.keyReused), not a 500.
     */
    private static Invoice onceMoreIfRaced(Supplier<Invoice> recording) {
        try {
            return recording.get();
        } catch (EJBException failed) {
            if (!UniqueKeys.violatedBy(failed)) {
                throw failed;
            }
            return recording.get();
        }
    }

    private static PaymentRequest parse(byte[] body) {
        try {
            PaymentRequest payment = body == null ? null
                    : JSON.fromJson(new ByteArrayInputStream(body), PaymentRequest.class);
            if (payment != null && payment.invoiceId() != null) {
                return payment;
            }
        } catch (JsonbException malformed) {
            // said below
        }
        throw new InvalidRequest("api.body.invalid");
    }

    private static PaymentOutcome outcome(Invoice invoice) {
        return new PaymentOutcome(invoice.getId(), invoice.getNumber(), invoice.getPaymentState().name());
    }
}
