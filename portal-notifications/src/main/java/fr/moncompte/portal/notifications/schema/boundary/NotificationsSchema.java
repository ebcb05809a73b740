package fr.moncompte.portal.notifications.schema.boundary;

import fr.moncompte.portal.domain.schema.boundary.DomainSchema;
import fr.moncompte.portal.domain.schema.control.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import javax.sql.DataSource;

/** Brings the notifications tables to the current version at start-up, with their own migration history. */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class NotificationsSchema {

    @Resource(lookup = DomainSchema.DATASOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrations.migrate(dataSource, "notifications", "db/migration/notifications",
                NotificationsSchema.class.getClassLoader());
    }

    /** Does nothing: calling it makes sure the notifications tables have been migrated (see DomainSchema#ready). */
    @Lock(LockType.READ)
    public void ready() {
        // The migrations ran in @PostConstruct.
    }
}
