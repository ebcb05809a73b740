package fr.moncompte.portal.domain.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;

/**
 * Salted PBKDF2-HMAC-SHA512 through Jakarta Security's {@link Pbkdf2PasswordHash}. A stored hash names its own
 * algorithm and iteration count, so raising {@code portal.password.iterations} later still verifies older hashes.
 */
@ApplicationScoped
public class PasswordHashing {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512; the setting can raise it, never lower it. */
    public static final int MINIMUM_ITERATIONS = 210_000;

    /** A hash of a random password with the current settings: checking it costs what a real check costs. */
    private String decoy;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "portal.password.iterations", defaultValue = "210000")
    int iterations;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(Math.max(iterations, MINIMUM_ITERATIONS)),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash.generate(UUID.randomUUID().toString().toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        if (password == null || password.length() > PasswordPolicy.MAXIMUM_LENGTH) {
            spendDecoyCheck();
            return false;
        }
        return storedHash != null && hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of one real check, so that an unknown e-mail answers as slowly as a wrong password. */
    public void spendDecoyCheck() {
        hash.verify("decoy-password-never-used".toCharArray(), decoy);
    }
}
