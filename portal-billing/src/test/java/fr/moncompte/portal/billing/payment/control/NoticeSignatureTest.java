package fr.moncompte.portal.billing.payment.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeSignatureTest {

    static final Optional<String> SECRET = Optional.of("provider-secret");
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final String KEY = "psp-evt-1";
    static final byte[] BODY = "{\"invoiceId\":12,\"kind\":\"PAYMENT\",\"amount\":108.60,\"reference\":\"Prélèvement\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void a_notice_signed_with_the_secret_within_the_tolerance_holds() {
        String header = NoticeSignature.header(SECRET.get(), NOW.minusSeconds(299), KEY, BODY);
        assertTrue(NoticeSignature.holds(header, KEY, BODY, SECRET, NOW, TOLERANCE));
        String capitals = header.toUpperCase().replace("T=", "t=").replace("V1=", "v1=");
        assertTrue(NoticeSignature.holds(capitals, KEY, BODY, SECRET, NOW, TOLERANCE), "hex in capitals too");
        String[] parts = header.split(",");
        assertTrue(NoticeSignature.holds(" " + parts[1] + " , " + parts[0], KEY, BODY, SECRET, NOW, TOLERANCE),
                "parts in any order");
    }

    @Test
    void the_header_is_hmac_sha256_of_the_time_the_key_and_the_body_joined_by_dots() {
        // With OpenSSL, as the README shows providers:
        // printf '1795946400.k-1.{"a":1}' | openssl dgst -sha256 -hmac provider-secret
        assertEquals("t=1795946400,v1=3a3333e46e0b0ab887ab3a09024899c3b71b08f8ee9c19e01f2ec8cae71efd29",
                NoticeSignature.header("provider-secret", Instant.ofEpochSecond(1795946400L), "k-1",
                        "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_changed_body_or_key_another_secret_a_stale_or_future_time_or_no_secret_does_not_hold() {
        String header = NoticeSignature.header(SECRET.get(), NOW, KEY, BODY);
        byte[] changed = text(BODY).replace("108.60", "1.00").getBytes(StandardCharsets.UTF_8);
        assertFalse(NoticeSignature.holds(header, KEY, changed, SECRET, NOW, TOLERANCE));
        assertFalse(NoticeSignature.holds(header, "psp-evt-2", BODY, SECRET, NOW, TOLERANCE),
                "the same notice under a new key: a second payment");
        byte[] latin1 = text(BODY).getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(NoticeSignature.holds(header, KEY, latin1, SECRET, NOW, TOLERANCE), "the bytes are signed");
        assertFalse(NoticeSignature.holds(NoticeSignature.header("guessed", NOW, KEY, BODY), KEY, BODY, SECRET, NOW,
                TOLERANCE));
        assertFalse(NoticeSignature.holds(NoticeSignature.header(SECRET.get(), NOW.minusSeconds(301), KEY, BODY), KEY,
                BODY, SECRET, NOW, TOLERANCE), "a replay after the tolerance");
        assertFalse(NoticeSignature.holds(NoticeSignature.header(SECRET.get(), NOW.plusSeconds(301), KEY, BODY), KEY,
                BODY, SECRET, NOW, TOLERANCE), "a time in the future");
        assertFalse(NoticeSignature.holds(header, KEY, BODY, Optional.empty(), NOW, TOLERANCE), "no secret, no notice");
        assertFalse(NoticeSignature.holds(header, KEY, BODY, Optional.of(" "), NOW, TOLERANCE));
        assertFalse(NoticeSignature.holds(header, null, BODY, SECRET, NOW, TOLERANCE), "no key");
    }

    @Test
    void a_malformed_header_does_not_hold() {
        String v1 = NoticeSignature.header(SECRET.get(), NOW, KEY, BODY).split(",")[1];
        for (String header : new String[]{null, "", "garbage", v1, "t=" + NOW.getEpochSecond(),
                "t=abc," + v1, "t=" + NOW.getEpochSecond() + ",v1=zz", "t=" + NOW.getEpochSecond() + ",v1=",
                "t=-1," + v1, "t=99999999999999999999," + v1}) {
            assertFalse(NoticeSignature.holds(header, KEY, BODY, SECRET, NOW, TOLERANCE), String.valueOf(header));
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void the_time_alone_is_judged_before_the_body_is_read() {
        assertTrue(NoticeSignature.timely("t=" + NOW.minusSeconds(299).getEpochSecond() + ",v1=00", NOW, TOLERANCE));
        assertFalse(NoticeSignature.timely("t=" + NOW.minusSeconds(301).getEpochSecond() + ",v1=00", NOW, TOLERANCE));
        assertFalse(NoticeSignature.timely("t=" + NOW.plusSeconds(301).getEpochSecond(), NOW, TOLERANCE));
        assertFalse(NoticeSignature.timely("v1=00", NOW, TOLERANCE));
        assertFalse(NoticeSignature.timely("t=soon", NOW, TOLERANCE));
        assertFalse(NoticeSignature.timely(null, NOW, TOLERANCE));
        assertFalse(NoticeSignature.timely("t=" + NOW.getEpochSecond() + ",x=" + "0".repeat(600), NOW, TOLERANCE),
                "a header far longer than a signature is not even split");
    }
}
