package fr.moncompte.portal.web.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnrolmentGateTest {

    @Test
    void a_session_that_owes_a_second_factor_reaches_the_enrolment_page_alone() {
        assertTrue(EnrolmentGate.allows("/account/security.xhtml"));
        assertTrue(EnrolmentGate.allows("/error/404.xhtml"));
        for (String elsewhere : new String[]{"/operations/billing.xhtml", "/account/informations.xhtml",
                "/account/security.xhtml/../informations.xhtml", "/account/security.xhtmlx", "/metrics",
                "/invoices/invoice.xhtml", "/developers/api.xhtml", "/"}) {
            assertFalse(EnrolmentGate.allows(elsewhere), elsewhere);
        }
    }
}
