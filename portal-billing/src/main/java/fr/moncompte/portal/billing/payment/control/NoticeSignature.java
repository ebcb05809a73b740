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
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the shared secret>}. The time binds the signature
 * to its moment, so a notice replayed later than the tolerance is refused even with its signature.
 */
public final class NoticeSignature {

    private NoticeSignature() {
    }

    /** Whether {@code header} signs {@code payload} under {@code secret}, made within {@code tolerance} of {@code now}. */
    public static boolean holds(String header, String payload, Optional<String> secret, Instant now,
                                Duration tolerance) {
        if (header == null || payload == null || secret.isEmpty() || secret.get().isBlank()) {
            return false;
        }
        String time = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                time = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (time == null || signature == null || !time.matches("\\d{1,12}")) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(time));
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = sign(secret.get(), time, payload);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.toLowerCase());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** The header a provider sends for {@code payload} at {@code time} (for tests and the README's example). */
    public static String header(String secret, Instant time, String payload) {
        String t = Long.toString(time.getEpochSecond());
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(sign(secret, t, payload));
    }

    private static byte[] sign(String secret, String time, String payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hmac.doFinal((time + "." + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
