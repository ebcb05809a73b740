package fr.moncompte.portal.web.exports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The query string of an export link: what a list is searched or filtered by on screen, its empty parts left out. */
public final class ExportLinks {

    private ExportLinks() {
    }

    /** @param parts name, value, name, value… */
    public static String query(Object... parts) {
        Map<String, String> present = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            if (parts[i + 1] != null && !parts[i + 1].toString().isBlank()) {
                present.put(parts[i].toString(), parts[i + 1].toString().strip());
            }
        }
        return present.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
