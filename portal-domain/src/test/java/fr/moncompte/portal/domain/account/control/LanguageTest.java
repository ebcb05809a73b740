package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.account.entity.Language;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @Test
    void reads_codes_and_falls_back_to_french() {
        assertEquals(Language.EN, Language.fromCode("en-GB"));
        assertEquals(Language.FR, Language.fromCode("fr"));
        assertEquals(Language.FR, Language.fromCode("de"));
        assertEquals(Language.FR, Language.fromCode(null));
        assertEquals("en", Language.EN.code());
    }
}
