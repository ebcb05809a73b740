package fr.moncompte.portal.web.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HSTS goes with an https public address only (issue 19, point 8). */
class SecurityHeadersTest {

    @Test
    void hsts_is_sent_for_an_https_public_address_only() {
        assertTrue(SecurityHeaders.sendsHsts(Optional.of("https://moncompte.example.fr/")));
        assertTrue(SecurityHeaders.sendsHsts(Optional.of(" HTTPS://moncompte.example.fr/")));
        assertFalse(SecurityHeaders.sendsHsts(Optional.of("http://localhost:8080/")));
        assertFalse(SecurityHeaders.sendsHsts(Optional.empty()));
    }
}
