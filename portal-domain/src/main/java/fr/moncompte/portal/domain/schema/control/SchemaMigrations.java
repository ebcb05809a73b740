package fr.moncompte.portal.domain.schema.control;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Runs a module's migrations with Flyway. Each module keeps its own history table ({@code flyway_<module>}), so that
 * modules own their tables and ship their scripts independently, on one shared datasource.
 */
public final class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /**
     * @param module   names the history table, e.g. "domain"
     * @param location a classpath folder of {@code V<n>__<what>.sql} scripts
     */
    public static MigrateResult migrate(DataSource dataSource, String module, String location, ClassLoader loader) {
        return migrate(dataSource, module, location, loader, new JavaMigration[0]);
    }

    /** As above, with migrations written in Java among the scripts, given here rather than found by scanning. */
    public static MigrateResult migrate(DataSource dataSource, String module, String location, ClassLoader loader,
                                        JavaMigration... inJava) {
        MigrateResult result = Flyway.configure(loader)
                .javaMigrations(inJava)
                .dataSource(dataSource)
                .table("flyway_" + module)
                .locations("classpath:" + location)
                // Another module may have created its tables first: start this module's history at version 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.info(() -> "Schema of " + module + ": " + result.migrationsExecuted + " migration(s) applied, now at "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
        return result;
    }
}
