package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.PortalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompanyIdentifiersTest {

    @Test
    void reads_a_siren_typed_with_spaces() {
        assertEquals("732829320", CompanyIdentifiers.siren(" 732 829 320 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"732829321", "73282932", "7328293200", "abcdefghi", ""})
    void refuses_a_siren_with_a_wrong_key_or_length(String typed) {
        assertEquals("siren.invalid", refusal(() -> CompanyIdentifiers.siren(typed)));
    }

    @Test
    void a_siret_is_its_companys_siren_and_a_valid_establishment_number() {
        assertEquals("73282932000074", CompanyIdentifiers.siret("732 829 320 00074", "732829320"));
        assertNull(CompanyIdentifiers.siret(" ", "732829320"), "optional");
        assertEquals("siret.invalid", refusal(() -> CompanyIdentifiers.siret("73282932000075", "732829320")));
        assertEquals("siret.otherCompany", refusal(() -> CompanyIdentifiers.siret("44306184100047", "732829320")));
    }

    @Test
    void la_postes_establishments_follow_their_own_rule() {
        // Its digits sum to 20, a multiple of 5, though it is not a Luhn number.
        assertEquals("35600000000015", CompanyIdentifiers.siret("35600000000015", "356000000"));
        assertEquals("siret.invalid", refusal(() -> CompanyIdentifiers.siret("35600000000016", "356000000")));
    }

    @Test
    void the_vat_number_carries_the_key_computed_from_the_siren() {
        assertEquals("FR44732829320", CompanyIdentifiers.frenchVatNumber("732829320"));
        assertEquals("FR44732829320", CompanyIdentifiers.vatNumber("fr 44 732829320", "732829320"));
        assertEquals("vat.otherCompany", refusal(() -> CompanyIdentifiers.vatNumber("FR45732829320", "732829320")));
        assertEquals("vat.otherCompany", refusal(() -> CompanyIdentifiers.vatNumber("FR64443061841", "732829320")));
        assertEquals("vat.invalid", refusal(() -> CompanyIdentifiers.vatNumber("DE123456789", "732829320")));
        assertNull(CompanyIdentifiers.vatNumber("", "732829320"));
    }

    private static String refusal(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(PortalException.class, call).messageKey();
    }
}
