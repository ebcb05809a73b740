package fr.moncompte.portal.domain.secondfactor.control;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretSealingTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
            .getBytes());

    @Test
    void a_sealed_secret_opens_with_its_key_only_and_never_twice_the_same() {
        SecretSealing sealing = SecretSealing.withKey(KEY);
        byte[] secret = TotpCodes.newSecret();
        String once = sealing.seal(secret);
        String twice = sealing.seal(secret);
        assertNotEquals(once, twice, "a fresh nonce each time");
        assertTrue(once.startsWith("v1:"));
        assertFalse(once.contains(TotpCodes.typed(secret).replace(" ", "")), "nothing of the secret shows");
        assertArrayEquals(secret, sealing.open(once));
        assertArrayEquals(secret, sealing.open(twice));
        assertThrows(IllegalArgumentException.class, () -> SecretSealing.withKey(OTHER_KEY).open(once));
    }

    @Test
    void an_altered_or_foreign_value_is_refused() {
        SecretSealing sealing = SecretSealing.withKey(KEY);
        String sealed = sealing.seal(TotpCodes.newSecret());
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
        for (String value : new String[] {altered, null, "", "v1:", "v1:AAAA", "v2:" + sealed.substring(3),
                "v1:not base64!"}) {
            assertThrows(IllegalArgumentException.class, () -> sealing.open(value), String.valueOf(value));
        }
    }

    @Test
    void the_key_must_be_32_bytes_of_base64_and_development_has_a_fixed_one() {
        assertThrows(IllegalArgumentException.class, () -> SecretSealing.withKey("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> SecretSealing.withKey("not base64 at all"));
        byte[] secret = TotpCodes.newSecret();
        String sealed = SecretSealing.of(Optional.empty()).seal(secret);
        assertArrayEquals(secret, SecretSealing.of(Optional.of(" ")).open(sealed), "the same key after a restart");
    }
}
