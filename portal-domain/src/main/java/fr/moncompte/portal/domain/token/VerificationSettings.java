package fr.moncompte.portal.domain.token;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;

/**
 * Tells MicroProfile JWT what the portal's own tokens look like, so that nobody configures it twice:
 * {@code mp.jwt.verify.publickey} is the JWKS of {@link SigningKeys}, {@code mp.jwt.verify.issuer} the portal's issuer
 * and {@code mp.jwt.verify.audiences} its API. Its ordinal is below the defaults files', so an operator's own
 * {@code mp.jwt.verify.*} setting wins; and with {@code mp.jwt.verify.publickey.location} set it offers no key at all
 * (MicroProfile JWT refuses both).
 */
public class VerificationSettings implements ConfigSource {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";

    /** Guards against a look-up that comes back here while this source reads the settings it derives from. */
    private static final ThreadLocal<Boolean> READING = ThreadLocal.withInitial(() -> false);

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY, ISSUER, AUDIENCES);
    }

    @Override
    public String getValue(String name) {
        if (AUDIENCES.equals(name)) {
            return TokenSettings.AUDIENCE;
        }
        if (!PUBLIC_KEY.equals(name) && !ISSUER.equals(name) || READING.get()) {
            return null;
        }
        READING.set(true);
        try {
            Config config = ConfigProvider.getConfig();
            if (ISSUER.equals(name)) {
                return TokenSettings.issuer(config);
            }
            if (config.getOptionalValue(PUBLIC_KEY_LOCATION, String.class).isPresent()) {
                return null;
            }
            return SigningKeys.from(config).jwks();
        } catch (IllegalStateException notConfigured) {
            return null; // The start-up check (KeyCheck) says what is missing and stops the deployment.
        } finally {
            READING.remove();
        }
    }

    @Override
    public int getOrdinal() {
        return 90;
    }

    @Override
    public String getName() {
        return "portal JWT verification (from portal.jwt.*)";
    }
}
