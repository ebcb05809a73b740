package fr.moncompte.portal.domain;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UniqueKeysTest {

    @Test
    void aUniqueKeyViolatedDeepInTheCausesIsFound() {
        SQLException duplicate = new SQLException("Unique index or primary key violation", "23505");
        assertTrue(UniqueKeys.violatedBy(new IllegalStateException("at commit", new PersistenceException(duplicate))));
        assertTrue(UniqueKeys.violatedBy(duplicate));
    }

    @Test
    void otherFailuresAreNotRaces() {
        assertFalse(UniqueKeys.violatedBy(new SQLException("value too long", "22001")));
        assertFalse(UniqueKeys.violatedBy(new SQLException("no state")));
        assertFalse(UniqueKeys.violatedBy(new PersistenceException("lost connection")));
    }
}
