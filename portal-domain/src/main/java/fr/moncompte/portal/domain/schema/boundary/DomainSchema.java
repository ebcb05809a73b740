package fr.moncompte.portal.domain.schema.boundary;

import fr.moncompte.portal.domain.schema.control.ProductionSettings;
import fr.moncompte.portal.domain.schema.control.DemoOperatorAuthenticator;
import fr.moncompte.portal.domain.schema.control.SchemaMigrations;
import fr.moncompte.portal.domain.secondfactor.control.SecretSealing;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Logger;

/**
 * Refuses to start a production installation with a setting it must not run with ({@link ProductionSettings}: the
 * deployment fails and the log names each setting), then brings the domain tables to the current version and, only
 * where {@code portal.demo-data=true}, loads the demo data of the quick start.
 * <p>
 * The datasource is defined here for the whole application; its class, URL and credentials come from MicroProfile
 * Config (system properties or environment variables, read when the application is deployed), so that one build runs
 * on the embedded H2 default and on PostgreSQL in production.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own work.
@DataSourceDefinition(
        name = DomainSchema.DATASOURCE,
        className = "${MPCONFIG=portal.db.class}",
        url = "${MPCONFIG=portal.db.url}",
        user = "${MPCONFIG=portal.db.user}",
        password = "${MPCONFIG=portal.db.password}",
        minPoolSize = 2,
        maxPoolSize = 30,
        properties = {"fish.payara.is-connection-validation-required=true", "fish.payara.connection-validation-method=auto-commit"})
public class DomainSchema {

    public static final String DATASOURCE = "java:app/jdbc/portal";

    private static final Logger LOG = Logger.getLogger(DomainSchema.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "portal.demo-data", defaultValue = "false")
    boolean demoData;

    @Inject
    Config config;

    @PostConstruct
    void migrate() {
        List<String> problems = ProductionSettings.problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.severe("Refusing to start in production: " + problem));
            throw new IllegalStateException("Refusing to start in production (" + ProductionSettings.ENVIRONMENT
                    + "): " + String.join("; ", problems));
        }
        ClassLoader loader = DomainSchema.class.getClassLoader();
        SchemaMigrations.migrate(dataSource, "domain", "db/migration/domain", loader);
        if (demoData) {
            SchemaMigrations.migrate(dataSource, "domain_demo", "db/demo/domain", loader,
                    new DemoOperatorAuthenticator(SecretSealing.of(config.getOptionalValue(SecretSealing.KEY,
                            String.class))));
        }
    }

    /**
     * Does nothing, and that is its use: the container initialises this singleton before running any method of it,
     * so a module whose start-up needs the domain tables (and demo data) calls this first.
     */
    @Lock(LockType.READ)
    public void ready() {
        // The migrations ran in @PostConstruct.
    }
}
