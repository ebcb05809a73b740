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

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
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

    @Inject
    Clock clock;

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
        return audited(recording.payment(invoiceId, amount, on, reference, key, operator()), operator(),
                "PAYMENT_RECORDED", amount + " EUR " + on + (reference == null ? "" : " " + reference), sourceAddress);
    }

    public Invoice recordFailure(long invoiceId, LocalDate on, String reason, String key, String sourceAddress) {
        return audited(recording.failure(invoiceId, on, reason, key, operator()), operator(),
                "PAYMENT_FAILURE_RECORDED", on + (reason == null ? "" : " " + reason), sourceAddress);
    }

    public Invoice recordRefund(long invoiceId, LocalDate on, String reference, String key, String sourceAddress) {
        return audited(recording.refund(invoiceId, on, reference, key, operator()), operator(), "REFUND_RECORDED",
                on + (reference == null ? "" : " " + reference), sourceAddress);
    }

    /**
     * Whether a provider's notice signed with {@code signature} is worth reading: its time is within the tolerance.
     * Asked before the body is read (the endpoint takes no token, so anyone may send one, of any size).
     */
    @PermitAll
    public boolean noticeTimely(String signature) {
        return NoticeSignature.timely(signature, clock.instant(), Duration.ofSeconds(toleranceSeconds));
    }

    /**
     * A payment provider's notice (its webhook): the same payment, failure or refund an operator records, from a
     * caller who holds no account but the shared secret ({@code portal.billing.provider.secret}) that signs the
     * idempotency key and the body, so that a notice seen in transit cannot be sent again under another key.
     *
     * @param payload   the body's bytes exactly as received: {@code {"invoiceId", "kind": PAYMENT|FAILURE|REFUND,
     *                  "amount", "date", "reference"}} in UTF-8
     * @param signature the provider's signature header ({@link NoticeSignature})
     * @throws NoticeRefused   the signature does not hold
     * @throws PortalException {@code billing.notice.invalid} for a body of the wrong shape, else as the operators'
     */
    @PermitAll
    public Invoice notice(byte[] payload, String signature, String key, String sourceAddress) {
        if (!NoticeSignature.holds(signature, key, payload, providerSecret, clock.instant(),
                Duration.ofSeconds(toleranceSeconds))) {
            throw new NoticeRefused();
        }
        JsonObject notice;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(payload))) {
            notice = reader.readObject();
        } catch (JsonException | IllegalStateException malformed) {
            throw new PortalException("billing.notice.invalid");
        }
        try {
            long invoiceId = number(notice, "invoiceId").longValueExact();
            String date = optionalText(notice, "date");
            LocalDate on = date == null ? LocalDate.now(clock) : LocalDate.parse(date);
            String reference = optionalText(notice, "reference");
            String kind = optionalText(notice, "kind");
            // The provider's keys apart from the operators' and the forms': theirs can never meet ours.
            String providerKey = "provider:" + key;
            PaymentRecording.Recorded recorded = switch (kind == null ? "" : kind) {
                case "PAYMENT" -> recording.payment(invoiceId, number(notice, "amount").bigDecimalValue(), on,
                        reference, providerKey, null);
                case "FAILURE" -> recording.failure(invoiceId, on, reference, providerKey, null);
                case "REFUND" -> recording.refund(invoiceId, on, reference, providerKey, null);
                default -> throw new PortalException("billing.notice.invalid");
            };
            return audited(recorded, null, "PROVIDER_NOTICE_RECORDED",
                    kind + " " + on + (reference == null ? "" : " " + reference), sourceAddress);
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

    /** The audit event of what was recorded; a request repeated under its key recorded nothing, so none. */
    private Invoice audited(PaymentRecording.Recorded recorded, Long actor, String action, String what,
                            String sourceAddress) {
        Invoice invoice = recorded.invoice();
        if (!recorded.repeated()) {
            audit.record(actor, action, "INVOICE", invoice.getId(), null,
                    invoice.getNumber() + " " + what + " -> " + invoice.getPaymentState(), sourceAddress);
        }
        return invoice;
    }

    private long operator() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
