package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.PortalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"claire@example.fr", "c.martin+portail@boulangerie-martin.example", "o'neil@mail.example.co.uk"})
    void accepts_addresses(String typed) {
        assertEquals(typed, EmailAddress.normalise("  " + typed + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"claire", "claire@", "@example.fr", "claire@example", "cl aire@example.fr",
            "claire@@example.fr", "claire..m@example.fr", ".claire@example.fr", "claire.@example.fr",
            "claire@-example.fr", "<script>@example.fr"})
    void refuses_what_is_not_an_address(String typed) {
        assertEquals("email.invalid", assertThrows(PortalException.class, () -> EmailAddress.normalise(typed)).messageKey());
    }

    @Test
    void refuses_an_address_longer_than_smtp_allows() {
        String longDomain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example";
        assertEquals("email.invalid", assertThrows(PortalException.class,
                () -> EmailAddress.normalise("claire@" + longDomain)).messageKey());
    }

    @Test
    void nothing_typed_is_its_own_message() {
        assertEquals("email.required", assertThrows(PortalException.class, () -> EmailAddress.normalise(" ")).messageKey());
    }
}
