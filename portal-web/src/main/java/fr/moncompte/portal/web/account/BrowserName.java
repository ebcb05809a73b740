package fr.moncompte.portal.web.account;

/** A short, readable name for a User-Agent header ("Firefox, Windows"), for the sessions and sign-ins lists. */
final class BrowserName {

    private BrowserName() {
    }

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "?";
        }
        String browser = userAgent.contains("Edg/") ? "Edge"
                : userAgent.contains("OPR/") ? "Opera"
                : userAgent.contains("Firefox/") ? "Firefox"
                : userAgent.contains("Chrome/") ? "Chrome"
                : userAgent.contains("Safari/") ? "Safari"
                : userAgent.length() > 40 ? userAgent.substring(0, 40) + "…" : userAgent;
        String system = userAgent.contains("Android") ? "Android"
                : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
                : userAgent.contains("Windows") ? "Windows"
                : userAgent.contains("Mac OS") ? "macOS"
                : userAgent.contains("Linux") ? "Linux"
                : null;
        return system == null ? browser : browser + ", " + system;
    }
}
