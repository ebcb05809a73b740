package fr.moncompte.portal.domain.trace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTraceTest {

    @Test
    void aWellFormedIdFromTheLoadBalancerIsKeptAnythingElseReplaced() {
        assertEquals("lb-7f3a9c01.42", RequestTrace.accepted("lb-7f3a9c01.42"));
        for (String forged : new String[]{null, "", "short", "a b c d e f g h", "id\nFAKE RECORD", "x".repeat(65),
                "quote\"quote\"quote"}) {
            String id = RequestTrace.accepted(forged);
            assertNotEquals(forged, id);
            assertTrue(id.matches("[0-9a-f]{24}"), id);
        }
        assertNotEquals(RequestTrace.fresh(), RequestTrace.fresh());
    }

    @Test
    void aScopeSetsTheIdAndPutsBackTheOneBefore() {
        assertTrue(RequestTrace.current().isEmpty());
        try (RequestTrace.Scope outer = RequestTrace.open("outer-request")) {
            try (RequestTrace.Scope inner = RequestTrace.open("inner-request")) {
                assertEquals("inner-request", RequestTrace.current().orElseThrow());
            }
            assertEquals("outer-request", RequestTrace.current().orElseThrow());
        }
        assertTrue(RequestTrace.current().isEmpty());
    }

    @Test
    void aRecordCarriesTheIdAndFieldsInItsTextAndAsAMapWithoutLineBreaks() {
        Logger logger = Logger.getLogger("request-trace-test");
        logger.setUseParentHandlers(false);
        List<LogRecord> records = new ArrayList<>();
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        try (RequestTrace.Scope trace = RequestTrace.open("smoke-12345678")) {
            RequestTrace.log(logger, Level.INFO, "Request", Map.of("path", "/login.xhtml\nSEVERE forged"));
            RequestTrace.log(logger, Level.INFO, "Request", Map.of("path", "/x{0}\n{1,x}'q'"));
        }
        RequestTrace.log(logger, Level.FINE, "Not logged at INFO", Map.of());
        assertEquals(2, records.size());
        LogRecord record = records.get(0);
        assertEquals("Request requestId=smoke-12345678 path=/login.xhtml?SEVERE forged", record.getMessage());
        assertFalse(record.getMessage().contains("\n"));
        assertEquals(Map.of("requestId", "smoke-12345678", "path", "/login.xhtml?SEVERE forged"),
                record.getParameters()[0]);
        // A formatter substitutes "{0}" in a message that has parameters: a path must not bring one in.
        String formatted = new SimpleFormatter().formatMessage(records.get(1));
        assertEquals("Request requestId=smoke-12345678 path=/x?0???1,x??q?", formatted);
    }
}
