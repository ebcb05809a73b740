package fr.moncompte.portal.domain.schema.control;

import fr.moncompte.portal.domain.secondfactor.control.SecretSealing;
import fr.moncompte.portal.domain.secondfactor.control.TotpCodes;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Demo data (issue 20, point 7): the demo operator {@code ops@moncompte.example} has an authenticator app whose secret
 * is the published {@value #SECRET}, so that anyone trying the quick start can sign in as the operator with
 * {@code oathtool --totp -b JBSWY3DPEHPK3PXP}. Written in Java because the secret is sealed with the key the portal
 * runs with, which a script cannot know. Demo data only: never in production ({@code ProductionSettings}).
 */
public final class DemoOperatorAuthenticator implements JavaMigration {

    public static final String SECRET = "JBSWY3DPEHPK3PXP";
    static final long OPERATOR = 1;

    private final SecretSealing sealing;

    public DemoOperatorAuthenticator(SecretSealing sealing) {
        this.sealing = sealing;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "demo operator authenticator app";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement("""
                INSERT INTO second_factor (id, account_id, kind, name, secret_sealed, last_used_step, created_at,
                                           confirmed_at, version)
                SELECT ?, id, 'TOTP', 'Application de démonstration', ?, 0, ?, ?, 0
                FROM user_account WHERE id = ? AND email_key = 'ops@moncompte.example'""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, sealing.seal(TotpCodes.fromBase32(SECRET)));
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.setLong(5, OPERATOR);
            insert.executeUpdate();
        }
    }
}
