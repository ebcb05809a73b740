package fr.moncompte.portal.domain;

import fr.moncompte.portal.domain.schema.control.SchemaMigrations;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The domain's own persistence unit ({@code META-INF/persistence.xml}, its entities found as the server finds them)
 * on an in-memory H2 brought to the current schema by the real migrations, without the demo data: the rules written
 * as queries run in a plain JUnit test, without a server, in seconds. One database per test class; each test runs in
 * a transaction of its own that is rolled back after it, so that the fixtures a test writes are gone for the next.
 * <p>
 * Register it as a static field: {@code @RegisterExtension static final MigratedDatabase database =
 * MigratedDatabase.domain();}
 */
public final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private final String unit;
    private final String module;
    private final String migrations;
    private JdbcDataSource dataSource;
    private EntityManagerFactory factory;
    private EntityManager em;

    private MigratedDatabase(String unit, String module, String migrations) {
        this.unit = unit;
        this.module = module;
        this.migrations = migrations;
    }

    /** The unit "domain" on the migrations of db/migration/domain. */
    public static MigratedDatabase domain() {
        return new MigratedDatabase("domain", "domain", "db/migration/domain");
    }

    /**
     * Another module's unit on its own migrations, e.g. billing's ({@code "billing", "billing",
     * "db/migration/billing"}): billing keeps no foreign key into the domain's tables, so it needs none of theirs.
     */
    public static MigratedDatabase of(String unit, String module, String migrations) {
        return new MigratedDatabase(unit, module, migrations);
    }

    /** The current test's entity manager, inside its transaction. */
    public EntityManager em() {
        return em;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        SchemaMigrations.migrate(dataSource, module, migrations, getClass().getClassLoader());
        // The unit as deployed, moved from the server's JTA datasource to a connection of its own.
        factory = Persistence.createEntityManagerFactory(unit, Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", dataSource.getURL(),
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "",
                "eclipselink.weaving", "false"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        em = factory.createEntityManager();
        em.getTransaction().begin();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (factory != null) {
            factory.close();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
    }
}
