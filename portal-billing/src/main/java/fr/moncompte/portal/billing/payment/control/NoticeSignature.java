package fr.moncompte.portal.billing.payment.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The signature of a payment provider's notice, as providers sign their webhooks: the header
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 under the shared secret of "<t>.<Idempotency-Key>.<body bytes>">}.
 * The key is signed so that a notice seen in transit cannot be sent again under a new key (a second payment); the
 * time binds the signature to its moment, so a notice replayed later than the tolerance is refused.
 */
public final class NoticeSignature {

    /** Far more than "t=" and "v1=" of a SHA-256 take. */
    static final int MAXIMUM_HEADER = 512;

    private NoticeSignature() {
    }

    /** Whether {@code header} signs {@code key} and {@code payload}, made within {@code tolerance} of {@code now}. */
    public static boolean holds(String header, String key, byte[] payload, Optional<String> secret, Instant now,
                                Duration tolerance) {
        if (header == null || key == null || payload == null || secret.isEmpty() || secret.get().isBlank()) {
            return false;
        }
        String time = part(header, "t");
        String signature = part(header, "v1");
        if (signature == null || !timely(header, now, tolerance)) {
            return false;
        }
        byte[] expected = sign(secret.get(), time, key, payload);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.toLowerCase());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * Whether the header's time {@code t} is within {@code tolerance} of {@code now}: checked before the body is read,
     * so that a stale or made-up notice costs the server no more than its headers.
     */
    public static boolean timely(String header, Instant now, Duration tolerance) {
        String time = header == null || header.length() > MAXIMUM_HEADER ? null : part(header, "t");
        if (time == null || !time.matches("\\d{1,12}")) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(time));
        return Duration.between(signedAt, now).abs().compareTo(tolerance) <= 0;
    }

    private static String part(String header, String name) {
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals(name)) {
                return pair[1];
            }
        }
        return null;
    }

    /** The header a provider sends for {@code key} and {@code payload} at {@code time} (for the tests). */
    public static String header(String secret, Instant time, String key, byte[] payload) {
        String t = Long.toString(time.getEpochSecond());
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(sign(secret, t, key, payload));
    }

    private static byte[] sign(String secret, String time, String key, byte[] payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            hmac.update((time + "." + key + ".").getBytes(StandardCharsets.UTF_8));
            return hmac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
