package fr.moncompte.portal.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchKeyTest {

    @ParameterizedTest
    @CsvSource({"Lefèvre, lefevre", "  ÉLODIE , elodie", "Cœur, cour", "Boulangerie Martin SARL, boulangerie martin sarl",
            "Ängström, angstrom"})
    void folds_case_and_accents(String name, String key) {
        assertEquals(key, SearchKey.of(name));
    }

    @Test
    void a_typed_wildcard_is_taken_literally() {
        assertEquals("50\\%%", SearchKey.prefixPattern("50%"));
        assertEquals("a\\_b%", SearchKey.prefixPattern("A_b"));
    }

    @Test
    void control_characters_are_dropped() {
        assertEquals("boul", SearchKey.of("bo\u0000ul\u001b"));
        assertEquals("boul%", SearchKey.prefixPattern("\u0000boul"));
    }
}
