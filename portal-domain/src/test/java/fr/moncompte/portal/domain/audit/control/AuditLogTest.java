package fr.moncompte.portal.domain.audit.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What goes into the audit log's texts is storable on PostgreSQL, whatever a person typed. */
class AuditLogTest {

    @Test
    void control_characters_are_written_as_replacement_characters_and_the_rest_is_kept() {
        assertEquals("search=\uFFFDboul, rows=1-20", AuditLog.printable("search=\u0000boul, rows=1-20"));
        assertEquals("a\uFFFDb", AuditLog.printable("a\u001bb"));
        assertEquals("ligne 1\nligne 2\tÉ", AuditLog.printable("ligne 1\nligne 2\tÉ"));
        assertNull(AuditLog.printable(null));
    }
}
