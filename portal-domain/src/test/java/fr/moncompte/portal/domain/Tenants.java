package fr.moncompte.portal.domain;

import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The small fixtures of a test: customer accounts, accounting firms, companies, people, their memberships and the
 * applications configured on the companies, written in the test's transaction with SQL, as the demo data is (customer
 * accounts, firms and companies have no public constructor: nothing but SQL writes them yet). Ids stay below 1001,
 * where the ids JPA draws from {@code domain_seq} begin.
 */
public final class Tenants {

    /** An accounting firm and its own customer account, which its administrators administer. */
    public record Firm(long id, long account) {
    }

    private final EntityManager em;
    private long lastId;

    public Tenants(EntityManager em) {
        this.em = em;
    }

    public long clientAccount(String name) {
        return account(name, "CLIENT");
    }

    public Firm firm(String name) {
        long account = account(name, "FIRM");
        long id = ++lastId;
        insert("insert into accounting_firm (id, customer_account_id, name, siren, version) values (?, ?, ?, ?, 0)",
                id, account, name, siren(id));
        return new Firm(id, account);
    }

    /** A company billed to its own account. */
    public long company(long account, String legalName) {
        return company(account, legalName, BillingMode.DIRECT, null);
    }

    /** A company billed through its accounting firm: the firm's administrators act for it (SPEC §3). */
    public long companyBilledThrough(Firm firm, long account, String legalName) {
        return company(account, legalName, BillingMode.FIRM, firm);
    }

    /**
     * A company as stored, with any billing mode and firm: a DIRECT-billed company may keep the id of the firm that
     * used to bill it, as the demo's "Boulangerie Martin SARL" does.
     */
    public long company(long account, String legalName, BillingMode billingMode, Firm firm) {
        long id = ++lastId;
        insert("""
                insert into company (id, customer_account_id, legal_name, legal_name_key, legal_form, siren, country,
                                     billing_mode, accounting_firm_id, version)
                values (?, ?, ?, ?, 'SAS', ?, 'FR', ?, ?, 0)""",
                id, account, legalName, SearchKey.of(legalName), siren(id), billingMode.name(),
                firm == null ? null : firm.id());
        return id;
    }

    /** A person with a password (unless invited) and no operator rights; the e-mail is made of the names. */
    public long person(String firstName, String lastName, AccountStatus status) {
        return userAccount(firstName, lastName, status, false);
    }

    public long person(String firstName, String lastName) {
        return person(firstName, lastName, AccountStatus.ACTIVE);
    }

    /** One of the vendor's staff. */
    public long operator(String firstName, String lastName) {
        return userAccount(firstName, lastName, AccountStatus.ACTIVE, true);
    }

    public void administers(long person, long account) {
        insert("insert into customer_account_admin (customer_account_id, user_account_id) values (?, ?)",
                account, person);
    }

    public void belongs(long person, long company) {
        insert("insert into company_membership (company_id, user_account_id) values (?, ?)", company, person);
    }

    /** An application of the catalogue, on sale. */
    public long application(String code) {
        long id = ++lastId;
        insert("""
                insert into application (id, code, name_fr, name_en, monthly_company_price, monthly_seat_price,
                                         active, version)
                values (?, ?, ?, ?, 10.00, 2.00, true, 0)""", id, code, code, code);
        return id;
    }

    /** The application subscribed on the company from {@code start}, until {@code end} included (open when null). */
    public long configures(long company, long application, LocalDate start, LocalDate end) {
        long id = ++lastId;
        insert("""
                insert into configured_application (id, company_id, application_id, start_date, end_date)
                values (?, ?, ?, ?, ?)""", id, company, application, start, end);
        return id;
    }

    private long account(String name, String kind) {
        long id = ++lastId;
        insert("""
                insert into customer_account (id, name, kind, created_at, version)
                values (?, ?, ?, current_timestamp, 0)""", id, name, kind);
        return id;
    }

    private long userAccount(String firstName, String lastName, AccountStatus status, boolean operator) {
        long id = ++lastId;
        String email = (firstName + "." + lastName + "@example.test").toLowerCase(Locale.ROOT);
        insert("""
                insert into user_account (id, email, email_key, first_name, last_name, first_name_key, last_name_key,
                                          language, status, password_hash, operator, created_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 'fr', ?, ?, ?, current_timestamp, 0)""",
                id, email, email, firstName, lastName, SearchKey.of(firstName), SearchKey.of(lastName), status.name(),
                status == AccountStatus.INVITED ? null : "not-a-real-hash", operator);
        return id;
    }

    private static String siren(long id) {
        return Long.toString(100_000_000L + id);
    }

    private void insert(String sql, Object... values) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        query.executeUpdate();
    }
}
