package fr.moncompte.portal.web.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page to go back to after sign-in comes from the URL: it may only lead inside the portal. */
class SignInMechanismTest {

    @ParameterizedTest
    @ValueSource(strings = {"/account/informations.xhtml", "/users/index.xhtml?page=2", "/"})
    void leads_back_to_a_page_of_the_portal(String page) {
        assertTrue(SignInMechanism.isLocalPage(page));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "/\\evil.example", "https://evil.example/", "evil.example",
            "/x?next=https://evil.example", "/a\r\nSet-Cookie: x=1", ""})
    void never_leads_elsewhere(String page) {
        assertFalse(SignInMechanism.isLocalPage(page));
    }

    @org.junit.jupiter.api.Test
    void refuses_no_page_at_all() {
        assertFalse(SignInMechanism.isLocalPage(null));
    }
}
