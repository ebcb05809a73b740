package fr.moncompte.portal.domain.billable.boundary;

import fr.moncompte.portal.domain.schema.control.DemoOperatorAuthenticator;
import fr.moncompte.portal.domain.schema.control.SchemaMigrations;
import fr.moncompte.portal.domain.secondfactor.control.SecretSealing;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 21: the billing run reads each month as it was. A company moved under its firm from a month is billed to its
 * own account before that month and to the firm's from it; a company never moved is billed as its columns say; a
 * price changed from a month prices that month and the ones after it, and leaves the months before with theirs.
 * On H2 with the real migrations and the demo data.
 */
class BillableCompaniesTest {

    static final long BOULANGERIE = 30, GARAGE = 32, CLIENT_ACCOUNT = 11, GARAGE_ACCOUNT = 12, FIRM_ACCOUNT = 10;

    BillableCompanies billable;
    JdbcDataSource dataSource;

    @BeforeEach
    void demoDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        ClassLoader loader = getClass().getClassLoader();
        SchemaMigrations.migrate(dataSource, "domain", "db/migration/domain", loader);
        SchemaMigrations.migrate(dataSource, "domain_demo", "db/demo/domain", loader,
                new DemoOperatorAuthenticator(SecretSealing.of(Optional.empty())));
        billable = new BillableCompanies();
        billable.dataSource = dataSource;
        billable.clock = Clock.system(ZoneId.of("Europe/Paris"));
    }

    @Test
    void each_month_is_billed_to_the_party_in_force_then() throws SQLException {
        execute("""
                insert into billing_arrangement (id, company_id, effective_from, billing_mode, accounting_firm_id,
                                                 recorded_at) values
                 (9001, 30, DATE '2000-01-01', 'DIRECT', 20, CURRENT_TIMESTAMP),
                 (9002, 30, DATE '2026-11-01', 'FIRM', 20, CURRENT_TIMESTAMP),
                 (9003, 30, DATE '2027-02-01', 'DIRECT', NULL, CURRENT_TIMESTAMP)""");

        assertEquals(CLIENT_ACCOUNT, company(YearMonth.of(2026, 10), BOULANGERIE).billingAccountId());
        BillableCompany underTheFirm = company(YearMonth.of(2026, 11), BOULANGERIE);
        assertEquals(FIRM_ACCOUNT, underTheFirm.billingAccountId());
        assertEquals("Cabinet Durand & Associés", underTheFirm.buyer().name(), "the invoice names the firm");
        assertEquals(FIRM_ACCOUNT, company(YearMonth.of(2027, 1), BOULANGERIE).billingAccountId());
        BillableCompany backToDirect = company(YearMonth.of(2027, 2), BOULANGERIE);
        assertEquals(CLIENT_ACCOUNT, backToDirect.billingAccountId());
        assertEquals("Boulangerie Martin SARL", backToDirect.buyer().name());

        assertEquals(GARAGE_ACCOUNT, company(YearMonth.of(2026, 11), GARAGE).billingAccountId(),
                "a company never moved is billed as its columns say");
    }

    @Test
    void a_month_is_priced_with_the_prices_in_force_that_month() throws SQLException {
        execute("""
                insert into application_price (id, application_id, effective_from, monthly_company_price,
                                               monthly_seat_price, recorded_at) values
                 (9101, 40, DATE '2000-01-01', 29.00, 5.00, CURRENT_TIMESTAMP),
                 (9102, 40, DATE '2026-12-01', 35.00, 6.50, CURRENT_TIMESTAMP)""");
        execute("update application set monthly_company_price = 35.00, monthly_seat_price = 6.50 where id = 40");

        Subscription november = compta(YearMonth.of(2026, 11));
        assertEquals(new BigDecimal("29.00"), november.monthlyCompanyPrice(), "a rerun of a past month keeps its price");
        assertEquals(new BigDecimal("5.00"), november.monthlySeatPrice());
        Subscription december = compta(YearMonth.of(2026, 12));
        assertEquals(new BigDecimal("35.00"), december.monthlyCompanyPrice());
        assertEquals(new BigDecimal("6.50"), december.monthlySeatPrice());

        assertEquals(new BigDecimal("15.00"), subscription(YearMonth.of(2026, 11), "FACTU").monthlyCompanyPrice(),
                "an application whose price never changed costs what its columns say");
    }

    private Subscription compta(YearMonth month) {
        return subscription(month, "COMPTA");
    }

    private Subscription subscription(YearMonth month, String code) {
        return company(month, BOULANGERIE).subscriptions().stream()
                .filter(s -> s.applicationCode().equals(code)).findFirst().orElseThrow();
    }

    private BillableCompany company(YearMonth month, long id) {
        List<BillableCompany> companies = billable.after(month, id - 1, 1);
        assertEquals(id, companies.get(0).companyId());
        return companies.get(0);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
