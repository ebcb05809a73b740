package fr.moncompte.portal.web.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whose address a request is counted against: X-Forwarded-For is believed from the portal's own proxies only. */
class ClientAddressTest {

    static final Set<String> PROXIES = Set.of("10.0.0.5", "10.0.0.6");

    @Test
    void without_a_trusted_proxy_the_connection_s_address_counts_whatever_the_header_says() {
        assertEquals("198.51.100.7", ClientAddress.of("198.51.100.7", "203.0.113.1", PROXIES));
        assertEquals("198.51.100.7", ClientAddress.of("198.51.100.7", "203.0.113.1", Set.of()));
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", null, PROXIES));
    }

    @Test
    void behind_the_proxies_the_last_address_that_is_not_one_of_them_counts() {
        assertEquals("203.0.113.1", ClientAddress.of("10.0.0.5", "203.0.113.1", PROXIES));
        // A client writing its own header first cannot choose its address: the proxies append the real one.
        assertEquals("203.0.113.1", ClientAddress.of("10.0.0.5", "192.0.2.99, 203.0.113.1", PROXIES));
        assertEquals("203.0.113.1", ClientAddress.of("10.0.0.5", "192.0.2.99, 203.0.113.1, 10.0.0.6", PROXIES));
        assertEquals("2001:db8::1", ClientAddress.of("10.0.0.5", "2001:db8::1", PROXIES));
    }

    @Test
    void a_malformed_hop_is_not_believed() {
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", "evil<script>", PROXIES));
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", "203.0.113.1, ", PROXIES));
        assertEquals("10.0.0.5", ClientAddress.of("10.0.0.5", "10.0.0.6", PROXIES), "only proxies: the nearest");
    }
}
