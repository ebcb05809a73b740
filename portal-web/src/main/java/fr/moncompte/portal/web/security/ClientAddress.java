package fr.moncompte.portal.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request came from, as the sign-in allowance, the sessions and the audit log record it: the
 * connection's; or, when the connection comes from one of the portal's own reverse proxies ({@value #TRUSTED}, a
 * comma-separated list of their addresses), the last address of {@code X-Forwarded-For} that is not one of them.
 * Behind a proxy every connection has the proxy's address, so without this setting the 20 attempts a minute of one
 * address would be the whole portal's. A header from anyone else is ignored: it is the client's to make up.
 */
public final class ClientAddress {

    public static final String TRUSTED = "portal.trusted-proxies";
    /** An IPv4 or IPv6 address as a proxy writes it; anything else in the header is not believed. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private static volatile Set<String> trusted;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trusted());
    }

    static String of(String remote, String forwardedFor, Set<String> proxies) {
        if (remote == null || !proxies.contains(remote) || forwardedFor == null || forwardedFor.isBlank()) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!ADDRESS.matcher(hop).matches()) {
                return remote; // a malformed hop: nothing before it can be believed either
            }
            if (!proxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }

    private static Set<String> trusted() {
        Set<String> proxies = trusted;
        if (proxies == null) {
            proxies = ConfigProvider.getConfig().getOptionalValue(TRUSTED, String.class)
                    .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                            .collect(Collectors.toUnmodifiableSet()))
                    .orElse(Set.of());
            trusted = proxies;
        }
        return proxies;
    }
}
