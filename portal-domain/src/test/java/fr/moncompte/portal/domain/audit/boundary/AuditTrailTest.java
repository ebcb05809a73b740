package fr.moncompte.portal.domain.audit.boundary;

import fr.moncompte.portal.domain.MigratedDatabase;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.audit.entity.AuditEvent;
import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 21: the audit log's download reads it a chunk at a time keyed on the last row. Each read writes its own trace
 * on top of the log; with an offset, every chunk after the first would start with the last row of the one before.
 */
class AuditTrailTest {

    @RegisterExtension
    static final MigratedDatabase database = MigratedDatabase.domain();

    @Test
    void chunks_keyed_on_the_last_row_neither_repeat_nor_skip_while_the_log_grows() {
        EntityManager em = database.em();
        for (int i = 0; i < 7; i++) {
            em.persist(new AuditEvent(Instant.parse("2026-11-0" + (i + 1) + "T10:00:00Z"), 1L, "THING_DONE", "THING",
                    Integer.toString(i), null, null, null));
        }
        em.flush();
        AuditTrail trail = new AuditTrail();
        trail.em = em;
        trail.clock = Clock.systemUTC();
        trail.log = AuditLog.over(em);
        Principal operator = () -> "1";
        trail.session = (SessionContext) Proxy.newProxyInstance(SessionContext.class.getClassLoader(),
                new Class<?>[]{SessionContext.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getCallerPrincipal")) {
                        return operator;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        AuditTrail.Filter things = new AuditTrail.Filter(null, null, "THING_DONE", null, null);

        List<String> read = new ArrayList<>();
        AuditTrail.Entry last = null;
        while (true) {
            List<AuditTrail.Entry> chunk = trail.findAfter(things, last, 3);
            chunk.forEach(entry -> read.add(entry.event().getTargetId()));
            em.persist(new AuditEvent(Instant.now(), 1L, "THING_DONE", "THING", "new", null, null, null));
            em.flush();
            if (chunk.size() < 3) {
                break;
            }
            last = chunk.get(chunk.size() - 1);
        }
        assertEquals(List.of("6", "5", "4", "3", "2", "1", "0"), read, "newest first, each row once");
    }
}
