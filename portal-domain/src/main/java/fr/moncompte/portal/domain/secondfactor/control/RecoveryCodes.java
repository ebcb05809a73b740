package fr.moncompte.portal.domain.secondfactor.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Ten single-use codes for the day every other factor is lost: shown once, stored as SHA-256 only. Each holds about
 * 79 random bits, written as sixteen characters of an alphabet without look-alikes (no 0/o, 1/l/i), in groups of
 * four; a fast hash is enough for a secret that long, as for the one-time links. What is typed is read leniently:
 * case, spaces and dashes do not matter.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // 31 letters and digits, none alike
    static final int LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TYPED = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

    private RecoveryCodes() {
    }

    /** {@value #COUNT} new codes, as the person reads them: {@code abcd-efgh-jkmn-pqrs}. */
    public static List<String> generate() {
        return IntStream.range(0, COUNT).mapToObj(i -> one()).toList();
    }

    /** What is stored of a code. */
    public static String hash(String code) {
        return normalised(code).map(RecoveryCodes::sha256)
                .orElseThrow(() -> new IllegalArgumentException("Not a recovery code"));
    }

    /** The hash of what was typed, if it has the shape of a code at all. */
    public static Optional<String> hashOfTyped(String typed) {
        return normalised(typed).map(RecoveryCodes::sha256);
    }

    static Optional<String> normalised(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String plain = typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return TYPED.matcher(plain).matches() ? Optional.of(plain) : Optional.empty();
    }

    private static String one() {
        StringBuilder code = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static String sha256(String plain) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plain.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
