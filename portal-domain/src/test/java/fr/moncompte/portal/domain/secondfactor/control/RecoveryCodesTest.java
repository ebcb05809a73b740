package fr.moncompte.portal.domain.secondfactor.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryCodesTest {

    @Test
    void ten_codes_of_sixteen_characters_without_look_alikes() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}"), code);
        }
    }

    @Test
    void what_is_typed_is_read_whatever_its_case_spaces_and_dashes() {
        String code = RecoveryCodes.generate().get(0);
        String stored = RecoveryCodes.hash(code);
        assertEquals(64, stored.length(), "a SHA-256 in hex, not the code");
        assertEquals(Optional.of(stored), RecoveryCodes.hashOfTyped(code.toUpperCase().replace("-", " ")));
        assertEquals(Optional.of(stored), RecoveryCodes.hashOfTyped(" " + code.replace("-", "") + " "));
        for (String typed : new String[] {null, "", "abcd-efgh", code + "x", "0000-0000-0000-0000",
                "illi-1111-oooo-0000", "x".repeat(100)}) {
            assertTrue(RecoveryCodes.hashOfTyped(typed).isEmpty(), String.valueOf(typed));
        }
    }
}
