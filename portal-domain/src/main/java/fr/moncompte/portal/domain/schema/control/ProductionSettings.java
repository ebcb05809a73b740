package fr.moncompte.portal.domain.schema.control;

import fr.moncompte.portal.domain.secondfactor.control.SecretSealing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a production installation must not run with. {@code portal.environment} is {@code production} unless set to
 * {@code development} (the quick start and the tests do), so a forgotten setting errs on the safe side. Each problem
 * names the setting to change and why, for the operator reading the log of a deployment that refused to start.
 */
public final class ProductionSettings {

    public static final String ENVIRONMENT = "portal.environment";
    public static final String PRODUCTION = "production";
    public static final String DEVELOPMENT = "development";

    /** A provider's shared secret shorter than this is guessable (an HMAC key of 256 bits is 32 bytes). */
    static final int SECRET_MIN_LENGTH = 32;
    /** The SIREN of the placeholder vendor the billing module ships with (its microprofile-config.properties). */
    static final String DEMO_SELLER_SIREN = "812345676";

    private ProductionSettings() {
    }

    /** Whether {@value #ENVIRONMENT} says development (any case, spaces around); production when it is not set. */
    public static boolean isDevelopment(Optional<String> environment) {
        return environment.map(e -> e.strip().equalsIgnoreCase(DEVELOPMENT)).orElse(false);
    }

    /**
     * @param setting a setting's value by name, empty when it is not set (MicroProfile Config in the portal)
     * @return the problems, in words, each starting with the setting's name; none outside production
     */
    public static List<String> problems(Function<String, Optional<String>> setting) {
        String environment = setting.apply(ENVIRONMENT).map(String::trim).orElse(PRODUCTION).toLowerCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        if (!environment.equals(PRODUCTION) && !environment.equals(DEVELOPMENT)) {
            problems.add(ENVIRONMENT + "=" + environment + " is neither \"production\" nor \"development\"");
            return problems;
        }
        if (environment.equals(DEVELOPMENT)) {
            return problems;
        }
        trimmed(setting, "portal.demo-data").filter(ProductionSettings::isTrue).ifPresent(value -> problems.add(
                "portal.demo-data=" + value + " would load the demo accounts, whose password is published: set it"
                        + " to false (invite the first operator with portal.bootstrap.operator.email)"));
        trimmed(setting, "portal.session.secure-cookie").filter(value -> !isTrue(value)).ifPresent(value ->
                problems.add("portal.session.secure-cookie=" + value + " would send the session cookie over plain"
                        + " HTTP: remove it and serve the portal over HTTPS"));
        trimmed(setting, "portal.jwt.signing-key.create-if-missing").filter(ProductionSettings::isTrue)
                .ifPresent(value -> problems.add("portal.jwt.signing-key.create-if-missing=" + value + " would make a"
                        + " new signing key on each node that lacks one (tokens of one node refused by the others):"
                        + " create the key once and give its file to every node"));
        if (setting.apply("portal.jwt.signing-key.location").filter(value -> !value.isBlank()).isEmpty()) {
            problems.add("portal.jwt.signing-key.location is not set: the API cannot sign its tokens (see"
                    + " OPERATIONS.md, \"JWT keys\")");
        }
        String publicUrl = setting.apply("portal.public-url").orElse("");
        if (!publicUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add("portal.public-url=" + (publicUrl.isEmpty() ? "(not set)" : publicUrl)
                    + " is not an https:// address: the links in mails must lead to the portal over HTTPS");
        }
        if (setting.apply("portal.db.url").orElse("").toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            problems.add("portal.db.url is an H2 database, which is for development: use PostgreSQL");
        }
        setting.apply("portal.billing.provider.secret").filter(secret -> secret.length() < SECRET_MIN_LENGTH)
                .ifPresent(secret -> problems.add("portal.billing.provider.secret is shorter than "
                        + SECRET_MIN_LENGTH + " characters: a payment provider's signature would be guessable"));
        String sealingKey = setting.apply(SecretSealing.KEY).map(String::trim).orElse("");
        if (sealingKey.isEmpty()) {
            problems.add(SecretSealing.KEY + " is not set: the secrets of authenticator apps would be sealed with the"
                    + " development key, which is published (openssl rand -base64 32 makes one)");
        } else {
            try {
                SecretSealing.withKey(sealingKey);
            } catch (IllegalArgumentException malformed) {
                problems.add(SecretSealing.KEY + " is not 32 bytes in Base64 (openssl rand -base64 32 makes one)");
            }
        }
        trimmed(setting, "portal.billing.seller.siren").filter(DEMO_SELLER_SIREN::equals).ifPresent(siren ->
                problems.add("portal.billing.seller.siren=" + siren + " is the placeholder vendor's: every invoice"
                        + " would name it as the seller; set portal.billing.seller.* to the vendor's own identity"));
        return problems;
    }

    private static Optional<String> trimmed(Function<String, Optional<String>> setting, String name) {
        return setting.apply(name).map(String::trim);
    }

    /**
     * As MicroProfile Config's boolean converter reads a value (true, 1, yes, y, on, in any case; anything else is
     * false), so that what the portal does and what this check refuses agree: "yes" loads demo data, "no" turns
     * the Secure flag off.
     */
    static boolean isTrue(String value) {
        return Set.of("true", "1", "yes", "y", "on").contains(value.trim().toLowerCase(Locale.ROOT));
    }
}
