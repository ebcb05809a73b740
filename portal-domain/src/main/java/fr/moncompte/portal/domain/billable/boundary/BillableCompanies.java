package fr.moncompte.portal.domain.billable.boundary;

import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.schema.boundary.DomainSchema;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads, for the billing module, the companies a month invoices, in id order and by chunks, with everything their
 * invoices need, in three queries per chunk (companies, subscriptions, seats) rather than one per company: a run
 * over 100,000 companies must stay close to the speed of plain inserts. Read only, no caller check: billing runs as
 * the system, and what it shows a person it scopes itself with {@link #administeredAccounts(long)}.
 */
@Stateless
@PermitAll
public class BillableCompanies {

    // The arrangement in force for the month (issue 21): the company's latest move not after it, or, for a company
    // never moved, its own columns. The subquery reads the moved companies' rows by (company_id, effective_from).
    private static final String COMPANIES = """
            select c.id, c.legal_name, c.siren, coalesce(m.billing_mode, c.billing_mode), c.customer_account_id,
                   c.vat_number, c.address_line, c.postal_code, c.city, c.country,
                   f.customer_account_id, f.name, f.siren, f.vat_number, f.address_line, f.postal_code, f.city,
                   f.country, ba.billing_language
            from company c
            left join billing_arrangement m on m.company_id = c.id
              and m.effective_from = (select max(x.effective_from) from billing_arrangement x
                                      where x.company_id = c.id and x.effective_from <= ?)
            left join accounting_firm f
              on f.id = case when m.id is null then c.accounting_firm_id else m.accounting_firm_id end
            join customer_account ba
              on ba.id = case when coalesce(m.billing_mode, c.billing_mode) = 'FIRM' then f.customer_account_id
                              else c.customer_account_id end
            where c.id > ? and exists (select 1 from configured_application s where s.company_id = c.id
                                       and s.start_date <= ? and (s.end_date is null or s.end_date >= ?))
            order by c.id
            limit ?""";

    // No join to the catalogue in the two queries below: with one, H2 starts from the six applications and walks
    // every grant of each (400,000 rows per chunk at 100,000 companies); alone, each reads its company range by index.
    private static final String SUBSCRIPTIONS = """
            select s.company_id, s.application_id, s.start_date, s.end_date
            from configured_application s
            where s.company_id >= ? and s.company_id <= ? and s.start_date <= ?
              and (s.end_date is null or s.end_date >= ?)""";

    private static final String SEATS = """
            select g.company_id, g.application_id, g.granted_at, g.revoked_at
            from access_grant g
            where g.company_id >= ? and g.company_id <= ? and g.granted_at < ?
              and (g.revoked_at is null or g.revoked_at >= ?)""";

    // The prices in force for the month (issue 21): the application's latest price not after it, or its columns.
    private static final String CATALOGUE = """
            select a.id, a.code, a.name_fr, a.name_en, coalesce(p.monthly_company_price, a.monthly_company_price),
                   coalesce(p.monthly_seat_price, a.monthly_seat_price)
            from application a
            left join application_price p on p.application_id = a.id
              and p.effective_from = (select max(q.effective_from) from application_price q
                                      where q.application_id = a.id and q.effective_from <= ?)""";

    @Resource(lookup = DomainSchema.DATASOURCE)
    DataSource dataSource;

    @Inject
    Clock clock;

    /** How many companies the month invoices (for a run's progress). */
    public long count(YearMonth month) {
        String sql = """
                select count(*) from company c where exists (select 1 from configured_application s
                where s.company_id = c.id and s.start_date <= ? and (s.end_date is null or s.end_date >= ?))""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDate(1, Date.valueOf(month.atEndOfMonth()));
            statement.setDate(2, Date.valueOf(month.atDay(1)));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the companies billed for " + month, e);
        }
    }

    /** The next {@code max} companies the month invoices whose id is above {@code afterCompanyId}, in id order. */
    public List<BillableCompany> after(YearMonth month, long afterCompanyId, int max) {
        ZoneId zone = clock.getZone();
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, Buyer> companies = companies(connection, month, afterCompanyId, max);
            if (companies.isEmpty()) {
                return List.of();
            }
            long first = companies.keySet().iterator().next();
            long last = Collections.max(companies.keySet());
            Map<Long, Catalogued> catalogue = catalogue(connection, month);
            Map<Long, List<Subscription>> subscriptions = subscriptions(connection, month, first, last, catalogue);
            Map<Long, List<Seat>> seats = seats(connection, month, first, last, zone, catalogue);
            List<BillableCompany> billable = new ArrayList<>(companies.size());
            companies.forEach((id, buyer) -> billable.add(new BillableCompany(id, buyer.companyName, buyer.companySiren,
                    buyer.billingAccountId, buyer.language, buyer.party, subscriptions.getOrDefault(id, List.of()),
                    seats.getOrDefault(id, List.of()))));
            return billable;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the companies billed for " + month, e);
        }
    }

    /** The customer accounts this person administers: the invoices they may see are addressed to these. */
    public List<Long> administeredAccounts(long userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select customer_account_id from customer_account_admin where user_account_id = ?")) {
            statement.setLong(1, userId);
            List<Long> accounts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    accounts.add(rows.getLong(1));
                }
            }
            return accounts;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the accounts of user " + userId, e);
        }
    }

    /** An application as the catalogue prices the billed month. */
    private record Catalogued(String code, String nameFr, String nameEn, BigDecimal companyPrice,
                              BigDecimal seatPrice) {
    }

    private static Map<Long, Catalogued> catalogue(Connection connection, YearMonth month) throws SQLException {
        Map<Long, Catalogued> catalogue = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CATALOGUE)) {
            statement.setDate(1, Date.valueOf(month.atDay(1)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    catalogue.put(rows.getLong(1), new Catalogued(rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getBigDecimal(5), rows.getBigDecimal(6)));
                }
            }
        }
        return catalogue;
    }

    private record Buyer(String companyName, String companySiren, long billingAccountId, Language language,
                         Party party) {
    }

    private static Map<Long, Buyer> companies(Connection connection, YearMonth month, long afterCompanyId, int max)
            throws SQLException {
        Map<Long, Buyer> companies = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(COMPANIES)) {
            statement.setDate(1, Date.valueOf(month.atDay(1)));
            statement.setLong(2, afterCompanyId);
            statement.setDate(3, Date.valueOf(month.atEndOfMonth()));
            statement.setDate(4, Date.valueOf(month.atDay(1)));
            statement.setInt(5, max);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    boolean firm = "FIRM".equals(rows.getString(4));
                    Party party = firm
                            ? new Party(rows.getString(12), rows.getString(13), rows.getString(14), rows.getString(15),
                            rows.getString(16), rows.getString(17), rows.getString(18))
                            : new Party(rows.getString(2), rows.getString(3), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getString(9), rows.getString(10));
                    long account = firm ? rows.getLong(11) : rows.getLong(5);
                    companies.put(rows.getLong(1), new Buyer(rows.getString(2), rows.getString(3), account,
                            Language.fromCode(rows.getString(19)), party));
                }
            }
        }
        return companies;
    }

    private static Map<Long, List<Subscription>> subscriptions(Connection connection, YearMonth month, long first,
                                                               long last, Map<Long, Catalogued> catalogue)
            throws SQLException {
        Map<Long, List<Subscription>> subscriptions = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SUBSCRIPTIONS)) {
            statement.setLong(1, first);
            statement.setLong(2, last);
            statement.setDate(3, Date.valueOf(month.atEndOfMonth()));
            statement.setDate(4, Date.valueOf(month.atDay(1)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Date end = rows.getDate(4);
                    Catalogued application = catalogue.get(rows.getLong(2));
                    subscriptions.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new Subscription(
                            application.code(), application.nameFr(), application.nameEn(),
                            application.companyPrice(), application.seatPrice(), rows.getDate(3).toLocalDate(),
                            end == null ? null : end.toLocalDate()));
                }
            }
        }
        return subscriptions;
    }

    private static Map<Long, List<Seat>> seats(Connection connection, YearMonth month, long first, long last,
                                               ZoneId zone, Map<Long, Catalogued> catalogue) throws SQLException {
        Map<Long, List<Seat>> seats = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SEATS)) {
            statement.setLong(1, first);
            statement.setLong(2, last);
            statement.setTimestamp(3, Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
            statement.setTimestamp(4, Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp revoked = rows.getTimestamp(4);
                    LocalDate from = rows.getTimestamp(3).toInstant().atZone(zone).toLocalDate();
                    LocalDate to = revoked == null ? null : revoked.toInstant().atZone(zone).toLocalDate();
                    seats.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                            .add(new Seat(catalogue.get(rows.getLong(2)).code(), from, to));
                }
            }
        }
        return seats;
    }
}
