package fr.moncompte.portal.domain.secondfactor.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasskeySignInTest {

    @Test
    void a_counter_must_go_forward_unless_the_authenticator_keeps_none() {
        assertTrue(PasskeySignIn.counterWentForward(4, 5));
        assertTrue(PasskeySignIn.counterWentForward(0, 1));
        assertTrue(PasskeySignIn.counterWentForward(0, 0), "synced passkeys send 0 every time");
        assertFalse(PasskeySignIn.counterWentForward(5, 5), "the same counter twice: a replay or a copy");
        assertFalse(PasskeySignIn.counterWentForward(5, 3), "a counter that went back: a cloned authenticator");
        assertFalse(PasskeySignIn.counterWentForward(5, 0), "a counter that stopped: not the same authenticator");
    }
}
