package fr.moncompte.portal.domain.secondfactor.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactorCodesTest {

    @Test
    void six_digits_are_a_code_and_never_a_password() {
        assertTrue(FactorCodes.isSixDigits("123456"));
        assertTrue(FactorCodes.isSixDigits(" 123 456 "));
        assertFalse(FactorCodes.isSixDigits("1234567"));
        assertFalse(FactorCodes.isSixDigits("Portail-Demo-2026"));
        assertFalse(FactorCodes.isSixDigits(null));
    }

    @Test
    void a_password_may_have_the_shape_of_a_recovery_code() {
        assertTrue(FactorCodes.hasRecoveryCodeShape("abcd-efgh-jkmn-pqrs"));
        assertTrue(FactorCodes.hasRecoveryCodeShape("ABCDEFGHJKMNPQRS"));
        assertFalse(FactorCodes.hasRecoveryCodeShape("Portail-Demo-2026"));
        assertFalse(FactorCodes.hasRecoveryCodeShape(null));
    }
}
