package fr.moncompte.portal.domain.token;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeysTest {

    @TempDir
    Path folder;

    @Test
    void the_key_id_is_the_rfc_7638_thumbprint() throws Exception {
        // RFC 7638 §3.1: the example key and its thumbprint.
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP"
                + "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368Q"
                + "QMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2Nc"
                + "Rwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(n)), BigInteger.valueOf(65537)));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", SigningKeys.thumbprint(key));
    }

    @Test
    void without_a_signing_key_the_portal_refuses_to_start_and_names_the_setting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SigningKeys.from(Optional.empty(), Optional.empty(), false));
        assertTrue(refused.getMessage().startsWith(SigningKeys.SIGNING_KEY + " is not set"), refused.getMessage());

        Path missing = folder.resolve("nowhere.pem");
        IllegalStateException unreadable = assertThrows(IllegalStateException.class,
                () -> SigningKeys.from(Optional.of(missing.toString()), Optional.empty(), false));
        assertTrue(unreadable.getMessage().contains(missing.toString()), unreadable.getMessage());
    }

    @Test
    void a_file_that_holds_no_rsa_private_key_is_refused_with_its_name() throws Exception {
        Path notAKey = Files.writeString(folder.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n"
                + "-----END CERTIFICATE-----\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SigningKeys.from(Optional.of(notAKey.toString()), Optional.empty(), false));
        assertTrue(refused.getMessage().contains("cert.pem") && refused.getMessage().contains("PRIVATE KEY"),
                refused.getMessage());
    }

    @Test
    void a_missing_key_is_made_once_readable_by_its_owner_only_and_kept() throws Exception {
        Path file = folder.resolve("jwt").resolve("signing-key.pem");
        SigningKeys first = SigningKeys.from(Optional.of(file.toString()), Optional.empty(), true);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(first.signingKey().getModulus().bitLength() >= 3072);

        String kept = Files.readString(file);
        SigningKeys.createKeyFile(file); // a second start: the key on disk stays
        assertEquals(kept, Files.readString(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "nothing half-written left beside it");
        }
        // Read from the file again (other settings are read anew, not taken from the last reading): the same key.
        SigningKeys again = SigningKeys.from(Optional.of(file.toString()), Optional.empty(), false);
        assertNotSame(first, again);
        assertEquals(first.signingKid(), again.signingKid());
    }

    @Test
    void during_a_rotation_the_jwks_publishes_the_signing_key_first_and_the_previous_one_beside_it() throws Exception {
        Path previous = folder.resolve("previous.pem");
        SigningKeys.createKeyFile(previous);
        RSAPublicKey previousPublic = SigningKeys.publicKeyOf(SigningKeys.readPrivateKey(previous));
        Path previousPublicFile = Files.writeString(folder.resolve("previous-public.pem"),
                "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(previousPublic.getEncoded())
                        + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        Path current = folder.resolve("current.pem");

        SigningKeys keys = SigningKeys.from(Optional.of(current.toString()),
                Optional.of(previousPublicFile.toString()), true);
        JsonArray jwks = Json.createReader(new StringReader(keys.jwks())).readObject().getJsonArray("keys");
        assertEquals(2, jwks.size());
        assertEquals(keys.signingKid(), jwks.getJsonObject(0).getString("kid"));
        assertEquals(SigningKeys.thumbprint(previousPublic), jwks.getJsonObject(1).getString("kid"));
        assertNotEquals(jwks.getJsonObject(0).getString("kid"), jwks.getJsonObject(1).getString("kid"));
        for (int i = 0; i < 2; i++) {
            assertEquals("RS256", jwks.getJsonObject(i).getString("alg"));
            assertEquals("sig", jwks.getJsonObject(i).getString("use"));
            assertEquals("AQAB", jwks.getJsonObject(i).getString("e"));
            assertTrue(!jwks.getJsonObject(i).containsKey("d"), "no private part is published");
        }
    }
}
