package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.PortalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhoneNumberTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "+33612345678,       +33612345678",
            "'+33 6 12 34 56 78', +33612345678",
            "06 12 34 56 78,     +33612345678",
            "06.12.34.56.78,     +33612345678",
            "0033612345678,      +33612345678",
            "+44 (20) 7946-0958, +442079460958"
    })
    void reads_what_people_type_as_e164(String typed, String expected) {
        assertEquals(expected, PhoneNumber.normalise(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12", "+0612345678", "phone", "+3361234567890123", "33612345678", "+33 6 12 34 56 7x"})
    void refuses_what_is_not_a_number(String typed) {
        assertEquals("phone.invalid", assertThrows(PortalException.class, () -> PhoneNumber.normalise(typed)).messageKey());
    }

    @Test
    void nothing_typed_means_no_phone() {
        assertNull(PhoneNumber.normalise("  "));
        assertNull(PhoneNumber.normalise(null));
    }
}
