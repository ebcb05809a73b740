package fr.moncompte.portal.domain.secondfactor.control;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals the secrets of authenticator apps before they are stored (AES-256-GCM, a fresh 96-bit nonce each time), with a
 * key read from configuration ({@value #KEY}: 32 bytes in Base64), so that a copy of the database alone gives no
 * codes. Each sealed value names its key version, for a later rotation. A value altered or sealed with another key
 * is refused, never opened wrong.
 */
public final class SecretSealing {

    /** The setting holding the key. Production refuses to start without it. */
    public static final String KEY = "portal.second-factor.key";

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretSealing(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException(KEY + " must be 32 bytes in Base64 (openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key as configured, Base64 of 32 bytes. */
    public static SecretSealing withKey(String base64) {
        try {
            return new SecretSealing(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(KEY + " must be 32 bytes in Base64 (openssl rand -base64 32)");
        }
    }

    /**
     * The configured key, or in development a fixed key derived from a published phrase (anyone may open what it
     * sealed: only for demo data and tests, which {@code ProductionSettings} keeps out of production).
     */
    public static SecretSealing of(Optional<String> configured) {
        return configured.filter(value -> !value.isBlank()).map(SecretSealing::withKey)
                .orElseGet(() -> new SecretSealing(sha256("moncompte-portal development second-factor key")));
    }

    public String seal(byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret);
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalArgumentException the value was altered, is not one of ours, or was sealed with another key */
    public byte[] open(String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a sealed secret");
        }
        try {
            byte[] stored = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (stored.length <= NONCE_BYTES) {
                throw new IllegalArgumentException("Not a sealed secret");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (AEADBadTagException altered) {
            throw new IllegalArgumentException("A sealed secret altered, or sealed with another key", altered);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] sha256(String phrase) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(phrase.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
