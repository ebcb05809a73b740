package fr.moncompte.portal.domain.account.control;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 rule 5's hash: the parameters {@link PasswordHashing} gives Jakarta Security's PBKDF2 (the container's own
 * implementation computes it; here a recording one stands in, since what is checked is what the portal asks for).
 */
class PasswordHashingTest {

    /** Records what it is asked; "hashes" are the password reversed, enough to tell a check from another. */
    static final class Recording implements Pbkdf2PasswordHash {
        final Map<String, String> parameters = new HashMap<>();
        final List<String> verified = new ArrayList<>();

        @Override
        public void initialize(Map<String, String> given) {
            parameters.putAll(given);
        }

        @Override
        public String generate(char[] password) {
            return new StringBuilder(new String(password)).reverse().toString();
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            verified.add(new String(password));
            return generate(password).equals(hashedPassword);
        }
    }

    @Test
    void the_hash_is_salted_pbkdf2_with_hmac_sha512_and_at_least_210000_iterations() {
        assertEquals(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"), hashing(210_000).parameters);
        assertEquals("210000", hashing(1_000).parameters.get("Pbkdf2PasswordHash.Iterations"),
                "the setting can raise the count, never lower it");
        assertEquals("600000", hashing(600_000).parameters.get("Pbkdf2PasswordHash.Iterations"));
    }

    @Test
    void a_password_too_long_to_be_one_costs_a_check_and_matches_nothing() {
        Recording recording = new Recording();
        PasswordHashing hashing = hashing(recording, 210_000);
        String tooLong = "x".repeat(PasswordPolicy.MAXIMUM_LENGTH + 1);
        recording.verified.clear();
        assertFalse(hashing.matches(tooLong, hashing.hash(tooLong)));
        assertEquals(List.of("decoy-password-never-used"), recording.verified, "the decoy's check, not this one");
        assertTrue(hashing.matches("Portail-Demo-2026", hashing.hash("Portail-Demo-2026")));
        assertFalse(hashing.matches("Portail-Demo-2026", null));
    }

    private static Recording hashing(int iterations) {
        Recording recording = new Recording();
        hashing(recording, iterations);
        return recording;
    }

    private static PasswordHashing hashing(Recording recording, int iterations) {
        PasswordHashing hashing = new PasswordHashing();
        hashing.hash = recording;
        hashing.iterations = iterations;
        hashing.configure();
        return hashing;
    }
}
