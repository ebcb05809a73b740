package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import fr.moncompte.portal.domain.organisation.entity.Company;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a caller administers, read once ({@link Scope#reach}), and SPEC §4 rules 1 and 3 stated on it: which companies
 * they see and which they may change. Each rule is written twice on purpose, side by side: as a test of one company
 * ({@link #sees}, {@link #mayChange}) and as a query condition for lists ({@link #companiesSeen},
 * {@link #companiesChangeable}); {@code ScopeTest} checks on the real schema that both agree for every caller and
 * company of its fixture.
 *
 * @param operator       operators see every company and change none (they read every tenant)
 * @param clientAccounts the client accounts (kind CLIENT) the caller administers: their companies are seen, and
 *                       changed where billed DIRECT
 * @param firms          the accounting firms whose account the caller administers: the companies billed through
 *                       them (FIRM) are seen and changed
 */
public record Reach(boolean operator, Set<Long> clientAccounts, Set<Long> firms) {

    private static final Pattern ALIAS = Pattern.compile("[a-z][A-Za-z0-9]*");

    public Reach {
        clientAccounts = Set.copyOf(clientAccounts);
        firms = Set.copyOf(firms);
    }

    /** Rule 1: the company is in the caller's administration scope. Membership alone is none. */
    public boolean sees(Company company) {
        return sees(company.getCustomerAccount().getId(), company.getBillingMode(), firmOf(company));
    }

    /** Rule 1 on a company of that account, billed that way, through that firm (null: none). */
    public boolean sees(long accountId, BillingMode billing, Long firmId) {
        return operator || clientAccounts.contains(accountId) || billedThroughOwnFirm(billing, firmId);
    }

    /**
     * Rule 3: the caller may change the company, its people and their access: the firm on the companies it bills; a
     * client administrator on the companies of their account billed DIRECT (for FIRM-billed ones the firm acts).
     * Operators change none.
     */
    public boolean mayChange(Company company) {
        return mayChange(company.getCustomerAccount().getId(), company.getBillingMode(), firmOf(company));
    }

    /** Rule 3 on a company of that account, billed that way, through that firm (null: none). */
    public boolean mayChange(long accountId, BillingMode billing, Long firmId) {
        return billedThroughOwnFirm(billing, firmId)
                || billing == BillingMode.DIRECT && clientAccounts.contains(accountId);
    }

    /**
     * Why the caller may see the company but not change it, or empty when they may. Scope and the right to change
     * differ only for a client administrator on a company billed through a firm, and for operators.
     */
    public Optional<ReadOnly> whyReadOnly(Company company) {
        return mayChange(company) ? Optional.empty() : Optional.of(readOnlyReason());
    }

    /** What a company or person in scope that the caller may not change is, for this caller. */
    ReadOnly readOnlyReason() {
        return operator ? ReadOnly.OPERATOR : ReadOnly.BILLED_THROUGH_FIRM;
    }

    private boolean billedThroughOwnFirm(BillingMode billing, Long firmId) {
        return billing == BillingMode.FIRM && firmId != null && firms.contains(firmId);
    }

    private static Long firmOf(Company company) {
        return company.getAccountingFirm() == null ? null : company.getAccountingFirm().getId();
    }

    /** {@link #sees} as a condition on the company that {@code alias} names in the caller's query. */
    public Condition companiesSeen(String alias) {
        if (operator) {
            return new Condition("1 = 1", Map.of());
        }
        String accounts = parameter(alias, "accounts");
        String firmBilled = parameter(alias, "firmBilled");
        String ownFirms = parameter(alias, "firms");
        return new Condition("(" + alias + ".customerAccount.id in :" + accounts
                + " or (" + alias + ".billingMode = :" + firmBilled + " and " + alias + ".accountingFirm.id in :"
                + ownFirms + "))",
                Map.of(accounts, ids(clientAccounts), firmBilled, BillingMode.FIRM, ownFirms, ids(firms)));
    }

    /** {@link #mayChange} as a condition on the company that {@code alias} names in the caller's query. */
    public Condition companiesChangeable(String alias) {
        String accounts = parameter(alias, "accounts");
        String direct = parameter(alias, "direct");
        String firmBilled = parameter(alias, "firmBilled");
        String ownFirms = parameter(alias, "firms");
        return new Condition("((" + alias + ".billingMode = :" + firmBilled + " and " + alias
                + ".accountingFirm.id in :" + ownFirms + ") or (" + alias + ".billingMode = :" + direct + " and "
                + alias + ".customerAccount.id in :" + accounts + "))",
                Map.of(accounts, ids(clientAccounts), direct, BillingMode.DIRECT, firmBilled, BillingMode.FIRM,
                        ownFirms, ids(firms)));
    }

    /** The condition's own parameter names, made from the alias: two conditions in one query never clash. */
    private static String parameter(String alias, String name) {
        if (!ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("Not a JPQL identification variable: " + alias);
        }
        return "scope_" + alias + "_" + name;
    }

    /** An empty IN list is no valid SQL: no id is negative, so -1 stands for "none". */
    private static List<Long> ids(Set<Long> ids) {
        List<Long> list = new ArrayList<>(ids);
        if (list.isEmpty()) {
            list.add(-1L);
        }
        return list;
    }
}
