package fr.moncompte.portal.web.api;

import jakarta.ejb.EJBException;
import jakarta.jms.JMSRuntimeException;
import jakarta.resource.ResourceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnavailabilityTest {

    @Test
    void a_broker_or_database_out_of_reach_anywhere_in_the_causes_is_unavailability() {
        // As seen in the cluster test when the broker primary was killed in the middle of a request.
        assertTrue(Unavailability.causedBy(new EJBException(new JMSRuntimeException(
                "Could not create a session: Error in allocating a connection"))));
        assertTrue(Unavailability.causedBy(new IllegalStateException(new ResourceException("pool closed"))));
        assertTrue(Unavailability.causedBy(new RuntimeException(new SQLException("Connection refused", "08001"))));
    }

    @Test
    void the_portals_own_faults_and_lost_races_are_not() {
        assertFalse(Unavailability.causedBy(new IllegalStateException("a bug")));
        assertFalse(Unavailability.causedBy(new EJBException(new SQLException("duplicate key", "23505"))));
        assertFalse(Unavailability.causedBy(new RuntimeException(new SQLException("no state"))));
    }
}
