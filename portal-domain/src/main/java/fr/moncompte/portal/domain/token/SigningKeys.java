package fr.moncompte.portal.domain.token;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys the API's tokens are signed with, from configuration: the current private key (an RSA key in a PKCS#8 PEM
 * file, {@value #SIGNING_KEY}) and, during a rotation, the public keys still published (PEM files, comma-separated,
 * {@value #PREVIOUS_KEYS}), so that tokens signed before the switch keep working until they expire. Each key is named
 * by its RFC 7638 thumbprint ({@code kid}), which the tokens carry and the JWKS lists.
 * <p>
 * There is no built-in key: without {@value #SIGNING_KEY} the portal does not start. With {@value #CREATE_MISSING}
 * (the quick start and the tests), a missing file is created with a new key on first start and kept from then on.
 */
public final class SigningKeys {

    public static final String SIGNING_KEY = "portal.jwt.signing-key.location";
    public static final String PREVIOUS_KEYS = "portal.jwt.previous-public-keys.location";
    public static final String CREATE_MISSING = "portal.jwt.signing-key.create-if-missing";

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");
    private static final int KEY_BITS = 3072;

    /** The keys last read, with the settings they were read from: loaded once, read again if the settings change. */
    private static volatile SigningKeys loaded;

    private final String settings;
    private final RSAPrivateCrtKey signingKey;
    private final String signingKid;
    private final List<RSAPublicKey> published;

    private SigningKeys(String settings, RSAPrivateCrtKey signingKey, List<RSAPublicKey> published) {
        this.settings = settings;
        this.signingKey = signingKey;
        this.signingKid = thumbprint(published.get(0));
        this.published = List.copyOf(published);
    }

    /**
     * The keys the configuration names.
     *
     * @throws IllegalStateException which setting is missing or names an unreadable key, in words for the operator
     */
    public static SigningKeys from(Config config) {
        return from(config.getOptionalValue(SIGNING_KEY, String.class),
                config.getOptionalValue(PREVIOUS_KEYS, String.class),
                config.getOptionalValue(CREATE_MISSING, Boolean.class).orElse(false));
    }

    /** The keys these settings name (the values of {@value #SIGNING_KEY}, {@value #PREVIOUS_KEYS}, …). */
    static SigningKeys from(Optional<String> signingKey, Optional<String> previousKeys, boolean createMissing) {
        Optional<String> location = signingKey.filter(s -> !s.isBlank());
        Optional<String> previous = previousKeys.filter(s -> !s.isBlank());
        String settings = location.orElse("") + "|" + previous.orElse("") + "|" + createMissing;
        SigningKeys current = loaded;
        if (current != null && current.settings.equals(settings)) {
            return current;
        }
        if (location.isEmpty()) {
            throw new IllegalStateException(SIGNING_KEY + " is not set: the API cannot sign its tokens. Name a"
                    + " PKCS#8 PEM file holding an RSA private key (openssl genpkey -algorithm RSA"
                    + " -pkeyopt rsa_keygen_bits:3072 -out signing.pem).");
        }
        synchronized (SigningKeys.class) {
            Path file = Path.of(location.get());
            if (createMissing && !Files.exists(file)) {
                createKeyFile(file);
            }
            RSAPrivateCrtKey key = readPrivateKey(file);
            warnIfShared(file);
            List<RSAPublicKey> publicKeys = new ArrayList<>();
            publicKeys.add(publicKeyOf(key));
            for (String other : previous.map(s -> s.split(",")).orElse(new String[0])) {
                if (!other.isBlank()) {
                    publicKeys.add(readPublicKey(Path.of(other.strip())));
                }
            }
            loaded = new SigningKeys(settings, key, publicKeys);
            return loaded;
        }
    }

    public RSAPrivateCrtKey signingKey() {
        return signingKey;
    }

    public String signingKid() {
        return signingKid;
    }

    /** The published keys as a JSON Web Key Set (RFC 7517): the signing key's first. */
    public String jwks() {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        for (RSAPublicKey key : published) {
            keys.add(Json.createObjectBuilder()
                    .add("kty", "RSA")
                    .add("use", "sig")
                    .add("alg", "RS256")
                    .add("kid", thumbprint(key))
                    .add("n", base64Url(key.getModulus()))
                    .add("e", base64Url(key.getPublicExponent())));
        }
        return Json.createObjectBuilder().add("keys", keys).build().toString();
    }

    /**
     * Writes a new RSA key as a PKCS#8 PEM file readable by its owner only. The key is written whole beside it first
     * and then linked into place, so a crash or another start never sees half a file; a file made meanwhile is kept.
     */
    public static void createKeyFile(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        Path written = null;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.createDirectories(folder);
            written = Files.createTempFile(folder, ".signing-key", ".tmp", OWNER_ONLY);
            Files.writeString(written, pem, StandardCharsets.US_ASCII);
            Files.createLink(file, written);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // Another start made it: that one is used.
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not create the signing key " + file + " (" + SIGNING_KEY + "): "
                    + e, e);
        } finally {
            if (written != null) {
                try {
                    Files.deleteIfExists(written);
                } catch (IOException e) {
                    LOG.warning(() -> "Could not delete " + e);
                }
            }
        }
    }

    /** Says so when others than its owner may read the signing key (a PEM made by hand often is 644). */
    private static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                LOG.warning(() -> SIGNING_KEY + " names " + file + ", which others than its owner may read ("
                        + PosixFilePermissions.toString(permissions) + "): chmod 600 it");
            }
        } catch (IOException | UnsupportedOperationException notPosix) {
            // Nothing to say where files have no POSIX permissions.
        }
    }

    public static RSAPrivateCrtKey readPrivateKey(Path file) {
        byte[] der = pemContent(file, "PRIVATE KEY", SIGNING_KEY);
        try {
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (key instanceof RSAPrivateCrtKey k && k.getModulus().bitLength() >= 2048) {
                return k;
            }
        } catch (GeneralSecurityException e) {
            // said below
        }
        throw new IllegalStateException(SIGNING_KEY + " names " + file
                + ", which holds no RSA private key of at least 2048 bits in PKCS#8 form (BEGIN PRIVATE KEY)");
    }

    private static RSAPublicKey readPublicKey(Path file) {
        byte[] der = pemContent(file, "PUBLIC KEY", PREVIOUS_KEYS);
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(PREVIOUS_KEYS + " names " + file
                    + ", which holds no RSA public key (BEGIN PUBLIC KEY)", e);
        }
    }

    private static byte[] pemContent(Path file, String type, String setting) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(setting + " names " + file + ", which cannot be read: " + e, e);
        }
        Matcher pem = PEM.matcher(text);
        if (!pem.find() || !pem.group(1).equals(type)) {
            throw new IllegalStateException(setting + " names " + file + ", which is not a PEM file of type " + type);
        }
        return Base64.getMimeDecoder().decode(pem.group(2));
    }

    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The RFC 7638 thumbprint: SHA-256 of the key's required members in lexical order, base64url. */
    public static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned big-endian integer without leading zero bytes, base64url without padding (RFC 7518 §6.3). */
    static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
