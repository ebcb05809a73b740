package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.Secrets;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The token of a one-time link: the link's id, a dot, and 256 random bits. Only the SHA-256 of the random part is
 * stored; a fast hash is enough for a secret of that length, which cannot be guessed like a password.
 *
 * @param linkId the record the token belongs to
 * @param secret the random part, base64url without padding
 */
public record LinkSecret(String linkId, String secret) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}");

    public static LinkSecret newFor(String linkId) {
        return new LinkSecret(linkId, Secrets.random());
    }

    /** Reads a token as it came in a URL; anything not of the right shape is no token at all. */
    public static Optional<LinkSecret> parse(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        return Optional.of(new LinkSecret(token.substring(0, dot), token.substring(dot + 1)));
    }

    public String token() {
        return linkId + "." + secret;
    }

    public String hash() {
        return Secrets.hash(secret);
    }

    /** Compares in constant time, so that the answer's timing says nothing about how much of a guess was right. */
    public boolean matches(String storedHash) {
        return Secrets.matches(secret, storedHash);
    }
}
