package fr.moncompte.portal.domain.secondfactor.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpCodesTest {

    /** RFC 6238 Appendix B, SHA-1: the seed "12345678901234567890", 8 digits. */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void the_codes_are_those_of_rfc_6238_appendix_b() {
        TotpCodes eight = new TotpCodes(8);
        long[][] vectors = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471}, {1234567890, 89005924},
                {2000000000, 69279037}, {20000000000L, 65353130}};
        for (long[] vector : vectors) {
            long step = TotpCodes.stepAt(Instant.ofEpochSecond(vector[0]));
            assertEquals(String.format("%08d", vector[1]), eight.codeAt(RFC_SEED, step), "at " + vector[0]);
        }
        // Six digits, as the apps show them: the last six, with their leading zero.
        assertEquals("081804", new TotpCodes().codeAt(RFC_SEED, TotpCodes.stepAt(Instant.ofEpochSecond(1111111109))));
    }

    @Test
    void a_code_is_taken_one_step_either_side_and_once() {
        TotpCodes codes = new TotpCodes();
        byte[] secret = TotpCodes.newSecret();
        Instant now = Instant.parse("2026-12-07T10:00:10Z");
        long step = TotpCodes.stepAt(now);
        assertEquals(OptionalLong.of(step), codes.accepted(secret, codes.codeAt(secret, step), now, 0));
        assertEquals(OptionalLong.of(step - 1), codes.accepted(secret, codes.codeAt(secret, step - 1), now, 0),
                "a phone 30 s behind");
        assertEquals(OptionalLong.of(step + 1), codes.accepted(secret, codes.codeAt(secret, step + 1), now, 0),
                "a phone 30 s ahead");
        assertTrue(codes.accepted(secret, codes.codeAt(secret, step - 2), now, 0).isEmpty(), "a minute old");
        assertTrue(codes.accepted(secret, codes.codeAt(secret, step + 2), now, 0).isEmpty());
        assertTrue(codes.accepted(secret, codes.codeAt(secret, step), now, step).isEmpty(), "used already");
        assertTrue(codes.accepted(secret, codes.codeAt(secret, step - 1), now, step).isEmpty(),
                "nor an older one once a newer was used");
    }

    @Test
    void anything_but_six_digits_is_no_code() {
        TotpCodes codes = new TotpCodes();
        byte[] secret = TotpCodes.newSecret();
        Instant now = Instant.now();
        String code = codes.codeAt(secret, TotpCodes.stepAt(now));
        assertEquals(OptionalLong.of(TotpCodes.stepAt(now)),
                codes.accepted(secret, code.substring(0, 3) + " " + code.substring(3), now, 0), "typed in two groups");
        for (String typed : new String[] {null, "", "12345", "1234567", "abcdef", "12 34", "١٢٣٤٥٦", code + "\u0000"}) {
            assertTrue(codes.accepted(secret, typed, now, 0).isEmpty(), String.valueOf(typed));
        }
    }

    @Test
    void the_secret_is_written_in_base32_as_the_apps_read_it() {
        byte[] secret = TotpCodes.fromBase32("JBSWY3DPEHPK3PXP");
        assertEquals("Hello!", new String(secret, 0, 6, StandardCharsets.US_ASCII));
        assertEquals("JBSW Y3DP EHPK 3PXP", TotpCodes.typed(secret));
        assertEquals(32, TotpCodes.typed(TotpCodes.newSecret()).replace(" ", "").length(), "160 bits");
        assertEquals("otpauth://totp/Mon%20compte:ops%40moncompte.example?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=Mon%20compte&algorithm=SHA1&digits=6&period=30",
                TotpCodes.otpauthUri("Mon compte", "ops@moncompte.example", secret));
    }
}
