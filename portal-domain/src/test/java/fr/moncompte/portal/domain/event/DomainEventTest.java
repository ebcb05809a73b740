package fr.moncompte.portal.domain.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DomainEventTest {

    @Test
    void survives_the_trip_through_json() {
        DomainEvent event = new DomainEvent(UUID.randomUUID(), AccountEventType.ACCESS_GRANTED.name(),
                Instant.parse("2026-11-28T07:00:00.123Z"), 3L, Map.of("account", "4", "company", "30"));
        assertEquals(event, DomainEvent.fromJson(event.toJson()));
    }

    @Test
    void an_event_of_the_system_has_no_actor() {
        DomainEvent event = DomainEvent.aboutAccount(AccountEventType.ACCOUNT_LOCKED, null, 4, Instant.now());
        DomainEvent read = DomainEvent.fromJson(event.toJson());
        assertNull(read.actorId());
        assertEquals(4, read.subjectId(DomainEvent.ACCOUNT));
    }

    @Test
    void carries_ids_and_no_personal_data() {
        String json = DomainEvent.aboutAccount(AccountEventType.PASSWORD_CHANGED, 3L, 3, Instant.now()).toJson();
        assertFalse(json.contains("@"), json);
    }

    @Test
    void says_which_subject_is_missing() {
        DomainEvent event = new DomainEvent(UUID.randomUUID(), "INVOICE_ISSUED", Instant.now(), null, Map.of());
        assertThrows(IllegalArgumentException.class, () -> event.subjectId(DomainEvent.ACCOUNT));
    }
}
