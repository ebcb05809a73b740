package fr.moncompte.portal.billing.payment.boundary;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.payment.control.NoticeSignature;
import fr.moncompte.portal.billing.payment.control.PaymentRecording;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.boundary.AuditRecords;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What operators record on an invoice's payment (SPEC §5), and what a payment provider's signed notice tells, audited;
 * the rules are {@link PaymentRecording}'s.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class Payments {

    @Resource
    SessionContext session;

    @EJB
    PaymentRecording recording;

    @EJB
    AuditRecords audit;

    @Inject
    @ConfigProperty(name = "portal.billing.provider.secret")
    Optional<String> providerSecret;

    @Inject
    @ConfigProperty(name = "portal.billing.provider.tolerance-seconds", defaultValue = "300")
    long toleranceSeconds;

    public Invoice recordPayment(long invoiceId, BigDecimal amount, LocalDate on, String reference, String key,
                                 String sourceAddress) {
        Invoice invoice = recording.payment(invoiceId, amount, on, reference, key, operator());
        audit(invoice, "PAYMENT_RECORDED", amount + " EUR " + on + (reference == null ? "" : " " + reference),
                sourceAddress);
        return invoice;
    }

    public Invoice recordFailure(long invoiceId, LocalDate on, String reason, String key, String sourceAddress) {
        Invoice invoice = recording.failure(invoiceId, on, reason, key, operator());
        audit(invoice, "PAYMENT_FAILURE_RECORDED", on + (reason == null ? "" : " " + reason), sourceAddress);
        return invoice;
    }

    public Invoice recordRefund(long invoiceId, LocalDate on, String reference, String key, String sourceAddress) {
        Invoice invoice = recording.refund(invoiceId, on, reference, key, operator());
        audit(invoice, "REFUND_RECORDED", on + (reference == null ? "" : " " + reference), sourceAddress);
        return invoice;
    }

    /**
     * A payment provider's notice (its webhook): the same payment, failure or refund an operator records, from a
     * caller who holds no account but the shared secret ({@code portal.billing.provider.secret}) that signs the body.
     *
     * @param payload   the body exactly as received: {@code {"invoiceId", "kind": PAYMENT|FAILURE|REFUND, "amount",
     *                  "date", "reference"}}
     * @param signature the provider's signature header ({@link NoticeSignature})
     * @throws NoticeRefused   the signature does not hold
     * @throws PortalException {@code billing.notice.invalid} for a body of the wrong shape, else as the operators'
     */
    @PermitAll
    public Invoice notice(String payload, String signature, String key, String sourceAddress) {
        if (!NoticeSignature.holds(signature, payload, providerSecret, Instant.now(),
                Duration.ofSeconds(toleranceSeconds))) {
            throw new NoticeRefused();
        }
        JsonObject notice;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            notice = reader.readObject();
        } catch (JsonException | IllegalStateException malformed) {
            throw new PortalException("billing.notice.invalid");
        }
        try {
            long invoiceId = number(notice, "invoiceId").longValueExact();
            String date = optionalText(notice, "date");
            LocalDate on = date == null ? LocalDate.now() : LocalDate.parse(date);
            String reference = optionalText(notice, "reference");
            String kind = optionalText(notice, "kind");
            Invoice invoice = switch (kind == null ? "" : kind) {
                case "PAYMENT" -> recording.payment(invoiceId, number(notice, "amount").bigDecimalValue(), on,
                        reference, key, null);
                case "FAILURE" -> recording.failure(invoiceId, on, reference, key, null);
                case "REFUND" -> recording.refund(invoiceId, on, reference, key, null);
                default -> throw new PortalException("billing.notice.invalid");
            };
            audit.record(null, "PROVIDER_NOTICE_RECORDED", "INVOICE", invoice.getId(), null,
                    invoice.getNumber() + " " + kind + " " + on + (reference == null ? "" : " " + reference)
                            + " -> " + invoice.getPaymentState(), sourceAddress);
            return invoice;
        } catch (ArithmeticException | DateTimeParseException e) {
            throw new PortalException("billing.notice.invalid");
        }
    }

    private static JsonNumber number(JsonObject notice, String name) {
        if (notice.get(name) instanceof JsonNumber number) {
            return number;
        }
        throw new PortalException("billing.notice.invalid");
    }

    private static String optionalText(JsonObject notice, String name) {
        JsonValue value = notice.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new PortalException("billing.notice.invalid");
    }

    private void audit(Invoice invoice, String action, String what, String sourceAddress) {
        audit.record(operator(), action, "INVOICE", invoice.getId(), null,
                invoice.getNumber() + " " + what + " -> " + invoice.getPaymentState(), sourceAddress);
    }

    private long operator() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
