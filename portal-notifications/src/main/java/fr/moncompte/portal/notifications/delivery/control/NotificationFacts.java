package fr.moncompte.portal.notifications.delivery.control;

import fr.moncompte.portal.domain.account.boundary.Recipient;
import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** The facts a notification keeps (JSON), as the values its mail text names from {4} on, for one reader. */
public final class NotificationFacts {

    private NotificationFacts() {
    }

    /** In the order of the {@code mails} bundle's entries: the application in the reader's language, amounts, days. */
    public static Object[] mailValues(String eventType, Recipient recipient, JsonObject facts) {
        return switch (eventType) {
            case "ACCESS_GRANTED", "ACCESS_REVOKED" -> new Object[]{
                    facts.getString("application." + recipient.language().code()), facts.getString("company")};
            case "INVOICE_ISSUED", "INVOICE_OVERDUE", "PAYMENT_FAILED", "PAYMENT_RECEIVED" -> new Object[]{
                    facts.getString("number"), facts.getString("company"), new BigDecimal(facts.getString("amount")),
                    LocalDate.parse(facts.getString("due"))};
            case "MEMBERSHIP_ENDED" -> new Object[]{facts.getString("company")};
            case "BILLING_ARRANGEMENT_CHANGED" -> new Object[]{facts.getString("company"),
                    YearMonth.parse(facts.getString("month")), facts.getString("billedTo")};
            case "COMPANY_INVITATION" -> new Object[]{facts.getString("company"), facts.getString("inviter")};
            default -> new Object[0];
        };
    }
}
