package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.PortalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    static final String EMAIL = "claire.martin@boulangerie-martin.example";

    @ParameterizedTest(name = "\"{0}\" is refused with {1}")
    @CsvSource({
            "short-pass1,             password.tooShort",
            "'           ',           password.tooShort",
            "claire.martin@boulangerie-martin.example, password.containsEmail",
            "CLAIRE.MARTIN-bakes-bread, password.containsEmail",
            "password1234,            password.common",
            "PASSWORD1234,            password.common",
            "azertyuiop123,           password.common",
            "Portail-Demo-2026,       password.common"
    })
    void refuses_what_rule_5_forbids(String password, String expectedKey) {
        PortalException refusal = assertThrows(PortalException.class, () -> PasswordPolicy.check(password, EMAIL));
        assertEquals(expectedKey, refusal.messageKey());
    }

    @Test
    void the_demo_password_is_common_only_because_it_is_published() {
        // The demo password is printed by the quick start; it must not be accepted as a new password either.
        assertTrue(CommonPasswords.contains("portail-demo-2026"));
    }

    @Test
    void accepts_a_long_uncommon_passphrase() {
        assertDoesNotThrow(() -> PasswordPolicy.check("Three green bicycles at dawn", EMAIL));
        assertDoesNotThrow(() -> PasswordPolicy.check("Le-chat-dort-sur-le-four", EMAIL));
    }

    @Test
    void counts_characters_not_bytes() {
        assertThrows(PortalException.class, () -> PasswordPolicy.check("ééééééééééé", EMAIL)); // 11 letters
        assertDoesNotThrow(() -> PasswordPolicy.check("éàèùâêîôûçëï", EMAIL)); // 12 letters
    }

    @Test
    void refuses_overlong_input_before_hashing_it() {
        PortalException refusal = assertThrows(PortalException.class,
                () -> PasswordPolicy.check("x".repeat(PasswordPolicy.MAXIMUM_LENGTH + 1), EMAIL));
        assertEquals("password.tooLong", refusal.messageKey());
    }

    @Test
    void ships_at_least_ten_thousand_common_passwords() {
        assertTrue(CommonPasswords.size() >= 10_000, "list size " + CommonPasswords.size());
        assertTrue(CommonPasswords.contains("123456"));
        assertTrue(CommonPasswords.contains("QWERTY"));
    }
}
