package fr.moncompte.portal.dev;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickStartTest {

    @Test
    void theDeployedPortalWithItsDatabaseUpIsReady() {
        assertTrue(QuickStart.isPortalReady("""
                {"status":"UP","checks":[{"name":"broker","status":"UP","data":{}},
                 {"name":"database","status":"UP","data":{"product":"H2"}}]}"""));
    }

    @Test
    void microAloneIsNotThePortal() {
        // What Micro answers when the portal failed to deploy: UP, with no check of the portal's.
        assertFalse(QuickStart.isPortalReady("{\"status\":\"UP\",\"checks\":[]}"));
    }

    @Test
    void aPortalWithADownCheckIsNotReady() {
        assertFalse(QuickStart.isPortalReady("""
                {"status":"DOWN","checks":[{"name":"broker","status":"DOWN","data":{}},
                 {"name":"database","status":"UP","data":{"product":"H2"}}]}"""));
        assertFalse(QuickStart.isPortalReady("""
                {"status":"DOWN","checks":[{"name":"database","status":"DOWN","data":{}}]}"""));
    }
}
