package fr.moncompte.portal.domain.signon.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the portal sends a person back to an application: only to an address registered for its client, compared
 * exactly (OAuth 2.0 Security BCP §4.1.3). One exception, in development only: a registered loopback address
 * ({@code http://127.0.0.1/callback}) matches the same address on any port (RFC 8252 §7.3), for applications run on a
 * developer's machine.
 */
public final class RedirectUris {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]");

    private RedirectUris() {
    }

    /** Whether {@code presented} is one of {@code registered}. */
    public static boolean allowed(List<String> registered, String presented, boolean loopbackAnyPort) {
        if (presented == null) {
            return false;
        }
        if (registered.contains(presented)) {
            return true;
        }
        if (!loopbackAnyPort) {
            return false;
        }
        Optional<URI> uri = parse(presented);
        if (uri.isEmpty() || !isLoopback(uri.get()) || uri.get().getPort() < 0) {
            return false;
        }
        URI u = uri.get();
        try {
            String withoutPort = new URI(u.getScheme(), u.getUserInfo(), u.getHost(), -1, u.getPath(), u.getQuery(),
                    null).toString();
            return registered.contains(withoutPort);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Why an address may not be registered, or empty when it may: absolute, without fragment nor user part; https,
     * or http on a loopback address.
     */
    public static Optional<String> problem(String value) {
        Optional<URI> parsed = parse(value);
        if (parsed.isEmpty() || !parsed.get().isAbsolute() || parsed.get().getHost() == null) {
            return Optional.of("signon.uri.invalid");
        }
        URI uri = parsed.get();
        if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.of("signon.uri.invalid");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(uri)) {
            return Optional.empty();
        }
        return Optional.of("signon.uri.https");
    }

    static boolean isLoopback(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    private static Optional<URI> parse(String value) {
        if (value == null || value.isBlank() || value.length() > 2000 || value.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(value));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
