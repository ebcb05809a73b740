package fr.moncompte.portal.billing.invoice.control;

import fr.moncompte.portal.billing.control.Proration;
import fr.moncompte.portal.billing.control.Proration.Period;
import fr.moncompte.portal.billing.control.Totals;
import fr.moncompte.portal.billing.document.control.DocumentTexts;
import fr.moncompte.portal.billing.invoice.entity.InvoiceDraft;
import fr.moncompte.portal.billing.invoice.entity.InvoiceKind;
import fr.moncompte.portal.billing.invoice.entity.LineDraft;
import fr.moncompte.portal.billing.invoice.entity.LineKind;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.billable.boundary.BillableCompany;
import fr.moncompte.portal.domain.billable.boundary.Party;
import fr.moncompte.portal.domain.billable.boundary.Seat;
import fr.moncompte.portal.domain.billable.boundary.Subscription;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A company's invoice for a month (SPEC §5): for each application configured during the month, a line for its
 * monthly price and a line for its user seats, both prorated by the days covered and rounded once to the cent, then
 * the totals with VAT on their sum. Pure: the same facts give the same invoice, which is what makes a run safe to
 * repeat.
 */
public final class InvoiceComputation {

    /** What every invoice of a run shares: who sells, the VAT rate, and when payment is due. */
    public record Terms(Party seller, String sellerLegalMentions,
                        BigDecimal vatRate, int paymentDays) {
    }

    private InvoiceComputation() {
    }

    public static InvoiceDraft invoice(BillableCompany company, YearMonth month, LocalDate issueDate, Terms terms) {
        Language language = company.language();
        List<LineDraft> lines = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>(company.subscriptions());
        subscriptions.sort(Comparator.comparing(Subscription::applicationCode).thenComparing(Subscription::start));
        for (Subscription subscription : subscriptions) {
            Period period = new Period(subscription.start(), subscription.end());
            long days = Proration.daysCovered(month, period);
            if (days == 0) {
                continue;
            }
            String name = language == Language.EN ? subscription.nameEn() : subscription.nameFr();
            LocalDate from = later(month.atDay(1), subscription.start());
            LocalDate to = subscription.end() == null ? month.atEndOfMonth() : earlier(month.atEndOfMonth(), subscription.end());
            BigDecimal amount = Proration.line(subscription.monthlyCompanyPrice(), month, period);
            lines.add(days == month.lengthOfMonth()
                    ? line(LineKind.SUBSCRIPTION, subscription, DocumentTexts.format(language, "line.subscription", name),
                    from, to, BigDecimal.ONE, subscription.monthlyCompanyPrice(), amount)
                    : line(LineKind.SUBSCRIPTION, subscription, DocumentTexts.format(language, "line.subscription.partial",
                    name, days, month.lengthOfMonth()), from, to, BigDecimal.ONE, amount, amount));
            seatLine(subscription, company.seats(), month, from, to, name, language).ifPresent(lines::add);
        }
        BigDecimal vatRate = terms.vatRate();
        Totals totals = Totals.of(lines.stream().map(LineDraft::amount).toList(), vatRate);
        return new InvoiceDraft(InvoiceKind.INVOICE, InvoiceDraft.monthlyKey(company.companyId(), month),
                company.companyId(), company.companyName(), company.companySiren(), company.billingAccountId(), month,
                month.atDay(1), month.atEndOfMonth(), issueDate, issueDate.plusDays(terms.paymentDays()), language,
                terms.seller(), terms.sellerLegalMentions(), company.buyer(), totals, null, null, null, lines);
    }

    /**
     * The seats of one subscription: every user's days of access within the subscription's days of the month. When
     * they add up to whole months (users × month) the line reads so; otherwise it bills one lot, its label giving the
     * user-days, so that quantity × unit price is always exactly the amount.
     */
    private static Optional<LineDraft> seatLine(Subscription subscription, List<Seat> seats, YearMonth month,
                                                          LocalDate from, LocalDate to, String name, Language language) {
        List<Period> accesses = new ArrayList<>();
        for (Seat seat : seats) {
            if (!seat.applicationCode().equals(subscription.applicationCode())) {
                continue;
            }
            LocalDate start = later(seat.from(), from);
            LocalDate end = seat.to() == null ? to : earlier(seat.to(), to);
            if (!end.isBefore(start)) {
                accesses.add(new Period(start, end));
            }
        }
        long userDays = accesses.stream().mapToLong(access -> Proration.daysCovered(month, access)).sum();
        if (userDays == 0) {
            return Optional.empty();
        }
        BigDecimal amount = Proration.seats(subscription.monthlySeatPrice(), month, accesses);
        int length = month.lengthOfMonth();
        if (userDays % length == 0) {
            BigDecimal users = BigDecimal.valueOf(userDays / length).setScale(2);
            return Optional.of(line(LineKind.SEATS, subscription,
                    DocumentTexts.format(language, "line.seats", name), from, to, users,
                    subscription.monthlySeatPrice(), amount));
        }
        return Optional.of(line(LineKind.SEATS, subscription,
                DocumentTexts.format(language, "line.seats.days", name, userDays, length), from, to, BigDecimal.ONE,
                amount, amount));
    }

    private static LineDraft line(LineKind kind, Subscription subscription, String label, LocalDate from, LocalDate to,
                                  BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
        return new LineDraft(kind, subscription.applicationCode(), label, from, to, quantity.setScale(2),
                unitPrice.setScale(2), amount);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
