package fr.moncompte.portal.domain.secondfactor.control;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The codes of an authenticator app as the apps make them (RFC 6238): HMAC-SHA-1, 6 digits, a new code every 30
 * seconds, from a 160-bit secret the person types or scans as Base32. A code is accepted for its step or one step
 * either side (a phone's clock a little off), and only for a step after the last one used, so that a code seen over
 * someone's shoulder cannot be used again. The computing is java-otp's; this class decides what is accepted.
 */
public final class TotpCodes {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    public static final int DRIFT = 1;
    /** 160 bits, as RFC 4226 recommends and the apps expect. */
    static final int SECRET_BYTES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

    private final TimeBasedOneTimePasswordGenerator generator;

    public TotpCodes() {
        this(DIGITS);
    }

    /** With another number of digits: RFC 6238's test vectors have 8. */
    TotpCodes(int digits) {
        this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits,
                TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    /** A new secret. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as people type it into an app: Base32, upper case, without padding, in groups of four. */
    public static String typed(byte[] secret) {
        String plain = new Base32().encodeToString(secret).replace("=", "");
        return plain.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** A secret written in Base32 (spaces, case and padding do not matter), as the demo data gives one. */
    public static byte[] fromBase32(String written) {
        return new Base32().decode(written.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    /** The step (count of 30-second periods since the epoch) {@code instant} lies in. */
    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
    }

    /** The code of a step, with its leading zeros. */
    public String codeAt(byte[] secret, long step) {
        try {
            return generator.generateOneTimePasswordString(key(secret), Instant.ofEpochSecond(step * STEP.getSeconds()),
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("An HMAC-SHA-1 key refused", e);
        }
    }

    /**
     * The step whose code {@code typed} is, among the current one and {@link #DRIFT} either side, if it comes after
     * {@code lastUsedStep}; empty for anything else (a wrong code, a code used already, not six digits). Spaces typed
     * inside the code are ignored.
     */
    public OptionalLong accepted(byte[] secret, String typed, Instant now, long lastUsedStep) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String code = typed.replace(" ", "");
        if (!CODE.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long step = current - DRIFT; step <= current + DRIFT; step++) {
            if (step > lastUsedStep && constantTimeEquals(codeAt(secret, step), code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The address an app reads from the QR code (Key Uri Format of Google Authenticator, which the others follow):
     * {@code otpauth://totp/Issuer:account?secret=…&issuer=Issuer&algorithm=SHA1&digits=6&period=30}.
     */
    public static String otpauthUri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + new Base32().encodeToString(secret).replace("=", "")
                + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SecretKeySpec key(byte[] secret) {
        return new SecretKeySpec(secret, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    private static boolean constantTimeEquals(String expected, String typed) {
        return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                typed.getBytes(StandardCharsets.US_ASCII));
    }
}
