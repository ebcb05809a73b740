package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceLine;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.control.ReadOnly;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CompanyDetails;
import fr.moncompte.portal.notifications.inbox.boundary.InboxEntry;
import fr.moncompte.portal.notifications.preference.boundary.PreferenceRow;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON shapes of the API. Written out rather than the entities and the boundaries' records: an entity would show
 * whatever it holds (a password hash, lazy relations), the API's shapes must stay put when a module changes, and the
 * OpenAPI description is made from the WAR's own classes only (the EJB jars' types come out as empty objects).
 */
public final class Views {

    private Views() {
    }

    /**
     * One in-app notification.
     *
     * @param eventType the event (ACCESS_GRANTED, INVOICE_ISSUED, …), which names its text
     * @param facts     what fills the text in (company, number, amount, …)
     * @param link      the portal page it is about, relative to the portal, or absent
     */
    public record NotificationView(long id, String eventType, Instant occurredAt, boolean read, String link,
                                   Map<String, String> facts) {
        static NotificationView of(InboxEntry entry) {
            return new NotificationView(entry.id(), entry.eventType(), entry.occurredAt(), entry.read(), entry.link(),
                    entry.facts());
        }
    }

    /** How an event comes on one channel: whether it can at all, and how (OFF, IMMEDIATE or DIGEST). */
    public record ChannelSetting(boolean offered,
                                 @Schema(enumeration = {"OFF", "IMMEDIATE", "DIGEST"}) String delivery) {
        static ChannelSetting of(PreferenceRow.Setting setting) {
            return new ChannelSetting(setting.offered(), setting.delivery().name());
        }
    }

    /**
     * One line of the caller's notification preferences.
     *
     * @param mandatory a security event, which cannot be switched off
     */
    public record PreferenceView(String type, boolean mandatory, ChannelSetting email, ChannelSetting inApp) {
        static PreferenceView of(PreferenceRow row) {
            return new PreferenceView(row.type().name(), row.mandatory(), ChannelSetting.of(row.email()),
                    ChannelSetting.of(row.inApp()));
        }
    }

    /**
     * A user an administrator creates (and invites).
     *
     * @param language     FR or EN (either case): the language of their mails and pages
     * @param applications codes of applications configured on the company
     * @param administrator whether they administer the company's account too
     */
    public record NewUserRequest(String firstName, String lastName, String email,
                                 @Schema(enumeration = {"FR", "EN"}) String language, Long companyId,
                                 Set<String> applications, boolean administrator) {
    }

    /** A user as lists show them. */
    public record UserSummary(long id, String email, String firstName, String lastName, String language,
                              String status) {
        static UserSummary of(UserAccount user) {
            return new UserSummary(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(),
                    user.getLanguage().name().toLowerCase(Locale.ROOT), user.getStatus().name());
        }
    }

    /** A member of a company and the applications they may open on it (by code). */
    public record Member(UserSummary user, List<String> applications) {
    }

    /** A company's legal and contact data as its administrators change them (every field, as the page's form). */
    public record CompanyChange(@Schema(required = true) String legalName, String legalForm,
                                @Schema(description = "14 digits starting with the SIREN") String siret,
                                String vatNumber, String addressLine, String postalCode, String city,
                                @Schema(format = "email") String contactEmail, String contactPhone) {
        CompanyDetails details() {
            return new CompanyDetails(legalName, legalForm, siret, vatNumber, addressLine, postalCode, city,
                    contactEmail, contactPhone);
        }
    }

    /** A company as lists show it. */
    public record CompanySummary(long id, String legalName, String siren, String city, String billingMode) {
        static CompanySummary of(Company company) {
            return new CompanySummary(company.getId(), company.getLegalName(), company.getSiren(), company.getCity(),
                    company.getBillingMode().name());
        }
    }

    /**
     * A company's legal and contact data.
     *
     * @param changeable whether the caller may change it and its users' access (SPEC §4 rule 3)
     * @param readOnly   why not, when not: the message key the page shows (billed through its firm, or an operator)
     */
    public record CompanyDetail(long id, String legalName, String legalForm, String siren, String siret,
                                String vatNumber, String addressLine, String postalCode, String city, String country,
                                String contactEmail, String contactPhone, String billingMode, String accountingFirm,
                                boolean changeable, String readOnly) {
        static CompanyDetail of(Company c, Optional<ReadOnly> readOnly) {
            return new CompanyDetail(c.getId(), c.getLegalName(), c.getLegalForm(), c.getSiren(), c.getSiret(),
                    c.getVatNumber(), c.getAddressLine(), c.getPostalCode(), c.getCity(), c.getCountry(),
                    c.getContactEmail(), c.getContactPhone(), c.getBillingMode().name(),
                    c.getAccountingFirm() == null ? null : c.getAccountingFirm().getName(), readOnly.isEmpty(),
                    readOnly.map(ReadOnly::companyKey).orElse(null));
        }
    }

    /** An application of the catalogue, named in the caller's language. */
    public record ApplicationRef(String code, String name) {
        static ApplicationRef of(Application application, Locale locale) {
            return new ApplicationRef(application.getCode(),
                    locale.getLanguage().equals("en") ? application.getNameEn() : application.getNameFr());
        }
    }

    /** An application configured on a company, from its start to its end (open when absent). */
    public record ConfiguredApplicationView(long id, String code, String name, LocalDate startDate, LocalDate endDate,
                                            boolean activeToday) {
        static ConfiguredApplicationView of(ConfiguredApplication configured, Locale locale, LocalDate today) {
            ApplicationRef ref = ApplicationRef.of(configured.getApplication(), locale);
            return new ConfiguredApplicationView(configured.getId(), ref.code(), ref.name(), configured.getStartDate(),
                    configured.getEndDate(), configured.isActiveOn(today));
        }
    }

    /** An invoice or credit note as lists show it. */
    public record InvoiceSummary(long id, String number, String kind, long companyId, String companyName,
                                 YearMonth billedMonth, LocalDate issueDate, LocalDate dueDate,
                                 BigDecimal totalIncludingVat, String currency, String state, String paymentState) {
        static InvoiceSummary of(Invoice i) {
            return new InvoiceSummary(i.getId(), i.getNumber(), i.getKind().name(), i.getCompanyId(),
                    i.getCompanyName(), i.getBilledMonth(), i.getIssueDate(), i.getDueDate(),
                    i.getTotalIncludingVat(), i.getCurrency(), i.getState().name(), i.getPaymentState().name());
        }
    }

    /** One line of an invoice. */
    public record InvoiceLineView(int lineNumber, String kind, String applicationCode, String label,
                                  LocalDate periodStart, LocalDate periodEnd, BigDecimal quantity,
                                  BigDecimal unitPrice, BigDecimal amount) {
        static InvoiceLineView of(InvoiceLine l) {
            return new InvoiceLineView(l.getLineNumber(), l.getKind().name(), l.getApplicationCode(), l.getLabel(),
                    l.getPeriodStart(), l.getPeriodEnd(), l.getQuantity(), l.getUnitPrice(), l.getAmount());
        }
    }

    /**
     * An invoice or credit note with its lines.
     *
     * @param due what the invoice asks for, VAT included, less its credit notes (its payment state says whether it was
     *            paid)
     * @param creditedInvoiceId for a credit note, the invoice it corrects
     */
    public record InvoiceDetail(long id, String number, String kind, long companyId, String companyName,
                                String companySiren, YearMonth billedMonth, LocalDate periodStart,
                                LocalDate periodEnd, LocalDate issueDate, LocalDate dueDate, String currency,
                                BigDecimal totalExcludingVat, BigDecimal vatRate, BigDecimal vatAmount,
                                BigDecimal totalIncludingVat, String state, String paymentState, BigDecimal due,
                                Long creditedInvoiceId, List<InvoiceLineView> lines) {
        static InvoiceDetail of(Invoice i, BigDecimal due) {
            return new InvoiceDetail(i.getId(), i.getNumber(), i.getKind().name(), i.getCompanyId(),
                    i.getCompanyName(), i.getCompanySiren(), i.getBilledMonth(), i.getPeriodStart(),
                    i.getPeriodEnd(), i.getIssueDate(), i.getDueDate(), i.getCurrency(), i.getTotalExcludingVat(),
                    i.getVatRate(), i.getVatAmount(), i.getTotalIncludingVat(), i.getState().name(),
                    i.getPaymentState().name(), due, i.getCreditedInvoiceId(),
                    i.getLines().stream().map(InvoiceLineView::of).toList());
        }
    }
}
