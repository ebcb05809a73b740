package fr.moncompte.portal.billing.payment.control;

import org.junit.jupiter.api.Test;

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
    static final String BODY = "{\"invoiceId\":12,\"kind\":\"PAYMENT\",\"amount\":108.60}";

    @Test
    void a_notice_signed_with_the_secret_within_the_tolerance_holds() {
        String header = NoticeSignature.header(SECRET.get(), NOW.minusSeconds(299), BODY);
        assertTrue(NoticeSignature.holds(header, BODY, SECRET, NOW, TOLERANCE));
        assertTrue(NoticeSignature.holds(header.toUpperCase().replace("T=", "t=").replace("V1=", "v1="), BODY, SECRET,
                NOW, TOLERANCE), "hex in capitals too");
        assertTrue(NoticeSignature.holds(" v1=" + header.split(",")[1].substring(3) + " , " + header.split(",")[0],
                BODY, SECRET, NOW, TOLERANCE), "parts in any order");
    }

    @Test
    void the_header_is_hmac_sha256_of_the_time_a_dot_and_the_body() {
        // Computed with OpenSSL, as the README shows providers: printf '1795946400.{"a":1}' | openssl dgst -sha256 -hmac provider-secret
        assertEquals("t=1795946400,v1=c460624eb8b87d425d2b7db4a186edc277f4f291a1257657b82b25f304baa8d0",
                NoticeSignature.header("provider-secret", Instant.ofEpochSecond(1795946400L), "{\"a\":1}"));
    }

    @Test
    void a_changed_body_another_secret_a_stale_or_future_time_or_no_secret_does_not_hold() {
        String header = NoticeSignature.header(SECRET.get(), NOW, BODY);
        assertFalse(NoticeSignature.holds(header, BODY.replace("108.60", "1.00"), SECRET, NOW, TOLERANCE));
        assertFalse(NoticeSignature.holds(NoticeSignature.header("guessed", NOW, BODY), BODY, SECRET, NOW, TOLERANCE));
        assertFalse(NoticeSignature.holds(NoticeSignature.header(SECRET.get(), NOW.minusSeconds(301), BODY), BODY,
                SECRET, NOW, TOLERANCE), "a replay after the tolerance");
        assertFalse(NoticeSignature.holds(NoticeSignature.header(SECRET.get(), NOW.plusSeconds(301), BODY), BODY,
                SECRET, NOW, TOLERANCE), "a time in the future");
        assertFalse(NoticeSignature.holds(header, BODY, Optional.empty(), NOW, TOLERANCE), "no secret, no notice");
        assertFalse(NoticeSignature.holds(header, BODY, Optional.of(" "), NOW, TOLERANCE));
    }

    @Test
    void a_malformed_header_does_not_hold() {
        String v1 = NoticeSignature.header(SECRET.get(), NOW, BODY).split(",")[1];
        for (String header : new String[]{null, "", "garbage", v1, "t=" + NOW.getEpochSecond(),
                "t=abc," + v1, "t=" + NOW.getEpochSecond() + ",v1=zz", "t=" + NOW.getEpochSecond() + ",v1=",
                "t=-1," + v1, "t=99999999999999999999," + v1}) {
            assertFalse(NoticeSignature.holds(header, BODY, SECRET, NOW, TOLERANCE), String.valueOf(header));
        }
    }
}
