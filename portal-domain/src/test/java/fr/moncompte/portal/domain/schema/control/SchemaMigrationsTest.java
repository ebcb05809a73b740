package fr.moncompte.portal.domain.schema.control;

import fr.moncompte.portal.domain.organisation.control.CompanyIdentifiers;
import fr.moncompte.portal.domain.secondfactor.control.SecretSealing;
import fr.moncompte.portal.domain.secondfactor.control.TotpCodes;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The domain migrations and the demo data on H2, the embedded default (the PostgreSQL profile runs them there too,
 * through the integration tests). The schema's constraints hold what the entities assume.
 */
class SchemaMigrationsTest {

    JdbcDataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
    }

    @Test
    void migrates_then_loads_the_demo_data_once() throws SQLException {
        ClassLoader loader = getClass().getClassLoader();
        assertTrue(SchemaMigrations.migrate(dataSource, "domain", "db/migration/domain", loader).migrationsExecuted > 0);
        SecretSealing sealing = SecretSealing.of(Optional.empty());
        assertEquals(10, SchemaMigrations.migrate(dataSource, "domain_demo", "db/demo/domain", loader,
                new DemoOperatorAuthenticator(sealing)).migrationsExecuted, "nine scripts (the OIDC demo clients the ninth) and the operator's app");
        // A second start applies nothing and keeps the data.
        assertEquals(0, SchemaMigrations.migrate(dataSource, "domain", "db/migration/domain", loader).migrationsExecuted);
        assertEquals(0, SchemaMigrations.migrate(dataSource, "domain_demo", "db/demo/domain", loader,
                new DemoOperatorAuthenticator(sealing)).migrationsExecuted);

        // The demo operator's app: its secret sealed with the key the portal runs with, the published one inside.
        assertEquals(1, count("select count(*) from second_factor where account_id = 1 and confirmed_at is not null"));
        try (Connection connection = dataSource.getConnection();
             ResultSet sealed = connection.createStatement().executeQuery(
                     "select secret_sealed from second_factor where account_id = 1")) {
            assertTrue(sealed.next());
            assertEquals(TotpCodes.typed(TotpCodes.fromBase32(DemoOperatorAuthenticator.SECRET)).replace(" ", ""),
                    TotpCodes.typed(sealing.open(sealed.getString(1))).replace(" ", ""));
        }
        assertEquals(0, count("select count(*) from second_factor where account_id = 17"), "Marion has none yet");

        assertEquals(17, count("select count(*) from user_account"));
        assertEquals(3, count("select count(*) from user_account where status = 'INVITED' and password_hash is null"));
        assertEquals(6, count("select count(*) from application"));
        assertEquals(3, count("select count(*) from company"));
        assertEquals(1, count("select count(*) from company where billing_mode = 'FIRM' and accounting_firm_id = 20"));
        assertEquals(2, count("select count(*) from user_account where operator"));
        assertEquals(1, count("select count(*) from user_account where last_name_key = 'lefevre' and first_name_key = 'paul'"));
        assertEquals(1, count("select count(*) from user_account where first_name_key = 'lea'"));
        assertEquals(0, count("select count(*) from company where legal_name_key is null or legal_name_key <> lower(legal_name)"));
        // Billing: a year of history before the quick start's twelve billed months, the firm's address, an account
        // that reads its invoices in English.
        assertEquals(0, count("select count(*) from configured_application where start_date > date '2025-04-01'"));
        assertEquals(1, count("select count(*) from accounting_firm where city = 'Lyon' and postal_code = '69002'"));
        assertEquals(1, count("select count(*) from customer_account where billing_language = 'en'"));
        assertEquals(1050, count("select next value for domain_seq"), "generated ids (1001..1050 first) stay above the seed data");
    }

    @Test
    void the_schema_refuses_a_firm_billed_company_without_a_firm_and_duplicate_logins() throws SQLException {
        SchemaMigrations.migrate(dataSource, "domain", "db/migration/domain", getClass().getClassLoader());
        SchemaMigrations.migrate(dataSource, "domain_demo", "db/demo/domain", getClass().getClassLoader());
        assertThrows(SQLException.class, () -> execute("""
                insert into company (id, customer_account_id, legal_name, legal_form, siren, country, billing_mode, version)
                values (99, 11, 'Sans Cabinet SAS', 'SAS', '123456782', 'FR', 'FIRM', 0)"""));
        assertThrows(SQLException.class, () -> execute("""
                insert into user_account (id, email, email_key, first_name, last_name, language, status, operator, created_at, version)
                values (99, 'Claire.Martin@boulangerie-martin.example', 'claire.martin@boulangerie-martin.example',
                        'C', 'M', 'fr', 'ACTIVE', false, current_timestamp, 0)"""));
    }

    @Test
    void every_demo_company_and_firm_has_identifiers_the_portal_accepts() throws SQLException {
        SchemaMigrations.migrate(dataSource, "domain", "db/migration/domain", getClass().getClassLoader());
        SchemaMigrations.migrate(dataSource, "domain_demo", "db/demo/domain", getClass().getClassLoader());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select siren, siret, vat_number from company "
                     + "union all select siren, null, vat_number from accounting_firm")) {
            int checked = 0;
            while (r.next()) {
                String siren = CompanyIdentifiers.siren(r.getString(1));
                CompanyIdentifiers.siret(r.getString(2), siren);
                assertEquals(r.getString(3), CompanyIdentifiers.vatNumber(r.getString(3), siren));
                checked++;
            }
            assertEquals(4, checked);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
