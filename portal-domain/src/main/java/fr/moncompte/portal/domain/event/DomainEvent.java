package fr.moncompte.portal.domain.event;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened, as the other modules learn of it: an id (consumers are idempotent by it), a type (named by
 * the module that announces it, see {@link EventType}), a time, the actor (absent when the system acted) and what it
 * is about. It carries ids and the facts a notice about it needs, never a person's data, so that a queue or a
 * dead-letter address holds nothing a reader should not see.
 *
 * @param type     the name of the event's type
 * @param subjects what the event is about, by role: ids, e.g. {@code account → 42}, and for an invoice its number,
 *                 company, amount and due date
 */
public record DomainEvent(UUID id, String type, Instant occurredAt, Long actorId, Map<String, String> subjects) {

    public static final String ACCOUNT = "account";
    /** A one-time link: the mail asks the domain for its secret, which is never in the event. */
    public static final String LINK = "link";
    public static final String COMPANY = "company";
    /** An application, by its catalogue code. */
    public static final String APPLICATION = "application";
    /** An invoice or a credit note, by its id; the billing module's events carry the four facts below too. */
    public static final String INVOICE = "invoice";
    /** The customer account an invoice is addressed to: its administrators are told. */
    public static final String CUSTOMER_ACCOUNT = "customerAccount";
    /** Customer accounts whose administrators are told, by id, comma-separated (a billing move, issue 21). */
    public static final String CUSTOMER_ACCOUNTS = "customerAccounts";
    /** The month a change takes effect from ({@code 2027-01}). */
    public static final String MONTH = "month";
    /** A company's billing mode, DIRECT or FIRM, from that month and before it. */
    public static final String BILLING_MODE = "billingMode";
    public static final String PREVIOUS_BILLING_MODE = "previousBillingMode";
    /** The party a company's invoices go to from that month: its account's name or its firm's. */
    public static final String BILLED_TO = "billedTo";
    /** An invoice's number, as its document shows it. */
    public static final String INVOICE_NUMBER = "invoiceNumber";
    /** The name of the company an invoice bills, as the invoice shows it. */
    public static final String COMPANY_NAME = "companyName";
    /** An invoice's total incl. VAT, in euros ({@code 120.00}). */
    public static final String AMOUNT = "amount";
    /** An invoice's due date ({@code 2026-12-31}). */
    public static final String DUE_DATE = "dueDate";

    /** Found once: {@code Json.createObjectBuilder()} looks the provider up anew on every call, which a run that
     * announces 100,000 invoices feels. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        subjects = Map.copyOf(subjects);
    }

    /** An event about one user account. */
    public static DomainEvent aboutAccount(EventType type, Long actorId, long accountId, Instant occurredAt) {
        return new DomainEvent(UUID.randomUUID(), type.name(), occurredAt, actorId,
                Map.of(ACCOUNT, Long.toString(accountId)));
    }

    /** An event about a one-time link sent to an account. */
    public static DomainEvent aboutLink(EventType type, Long actorId, long accountId, String linkId,
                                        Instant occurredAt) {
        return new DomainEvent(UUID.randomUUID(), type.name(), occurredAt, actorId,
                Map.of(ACCOUNT, Long.toString(accountId), LINK, linkId));
    }

    /** An event about a user's membership of a company (removed from it by an administrator of the company). */
    public static DomainEvent aboutMembership(EventType type, Long actorId, long accountId, long companyId,
                                              Instant occurredAt) {
        return new DomainEvent(UUID.randomUUID(), type.name(), occurredAt, actorId, Map.of(ACCOUNT,
                Long.toString(accountId), COMPANY, Long.toString(companyId)));
    }

    /** An event about a user's access to an application on a company. */
    public static DomainEvent aboutAccess(EventType type, Long actorId, long accountId, long companyId,
                                          String applicationCode, Instant occurredAt) {
        return new DomainEvent(UUID.randomUUID(), type.name(), occurredAt, actorId, Map.of(ACCOUNT,
                Long.toString(accountId), COMPANY, Long.toString(companyId), APPLICATION, applicationCode));
    }

    public String subject(String role) {
        String value = subjects.get(role);
        if (value == null) {
            throw new IllegalArgumentException(type + " event " + id + " names no " + role);
        }
        return value;
    }

    public long subjectId(String role) {
        return Long.parseLong(subject(role));
    }

    public String toJson() {
        JsonObjectBuilder subjectsJson = JSON.createObjectBuilder();
        subjects.forEach(subjectsJson::add);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", id.toString())
                .add("type", type)
                .add("occurredAt", occurredAt.toString())
                .add("subjects", subjectsJson);
        if (actorId == null) {
            json.addNull("actorId");
        } else {
            json.add("actorId", actorId);
        }
        return json.build().toString();
    }

    public static DomainEvent fromJson(String text) {
        JsonObject json = JSON.createReader(new StringReader(text)).readObject();
        Map<String, String> subjects = new LinkedHashMap<>();
        json.getJsonObject("subjects").forEach((role, value) -> subjects.put(role, ((jakarta.json.JsonString) value).getString()));
        JsonValue actor = json.get("actorId");
        return new DomainEvent(
                UUID.fromString(json.getString("id")),
                json.getString("type"),
                Instant.parse(json.getString("occurredAt")),
                actor == null || actor.getValueType() == JsonValue.ValueType.NULL ? null : json.getJsonNumber("actorId").longValue(),
                subjects);
    }
}
