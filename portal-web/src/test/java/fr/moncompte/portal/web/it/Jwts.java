package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.token.SigningKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;

/**
 * Tokens as an attacker or another issuer would make them, and the keys of the integration tests: the portal's
 * signing key (made by the portal on its first start) and a "previous" key whose public half the portal still
 * publishes, as during a rotation.
 */
final class Jwts {

    static final Path FOLDER = Path.of("target", "it", "jwt");
    static final Path SIGNING_KEY = FOLDER.resolve("signing-key.pem");
    static final Path PREVIOUS_KEY = FOLDER.resolve("previous-key.pem");
    static final Path PREVIOUS_PUBLIC_KEY = FOLDER.resolve("previous-public-key.pem");

    private Jwts() {
    }

    /** Before the portal starts: the previous key pair, its public half where the configuration names it. */
    static void createPreviousKey() throws Exception {
        if (Files.exists(PREVIOUS_PUBLIC_KEY)) {
            return;
        }
        SigningKeys.createKeyFile(PREVIOUS_KEY);
        RSAPrivateCrtKey key = SigningKeys.readPrivateKey(PREVIOUS_KEY);
        Files.writeString(PREVIOUS_PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(SigningKeys.publicKeyOf(key).getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
    }

    static String kid(RSAPrivateCrtKey key) {
        return SigningKeys.thumbprint(SigningKeys.publicKeyOf(key));
    }

    /** A compact RS256 JWS of the given header and claims. */
    static String sign(JsonObject header, JsonObject claims, PrivateKey key) throws Exception {
        String signed = part(header.toString()) + "." + part(claims.toString());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject decode(String part) {
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
