package fr.moncompte.portal.domain.billable.boundary;

import fr.moncompte.portal.domain.account.entity.Language;

import java.util.List;

/**
 * A company a month's billing run invoices: the customer account its invoices go to (its own, or its firm's), the
 * buyer the invoice names, the language that account reads invoices in, and the month's subscriptions and seats.
 */
public record BillableCompany(long companyId, String companyName, String companySiren, long billingAccountId,
                              Language language, Party buyer, List<Subscription> subscriptions, List<Seat> seats) {

    public BillableCompany {
        subscriptions = List.copyOf(subscriptions);
        seats = List.copyOf(seats);
    }
}
