package fr.moncompte.portal.web.i18n;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text exists in French and in English; every key that a page, a bean or a business exception names exists;
 * every text is written for MessageFormat (which all texts go through).
 */
class BundlesTest {

    static final List<Path> SOURCES = List.of(Path.of("src/main/webapp"), Path.of("src/main/java"),
            Path.of("../portal-domain/src/main/java"));
    /** {@code t['key']}, {@code t.format('key'} in pages; a quoted key with a known prefix in Java. */
    static final Pattern KEY = Pattern.compile(
            "t\\['([a-zA-Z0-9.]+)'\\]|t\\.(?:format|literal)\\('([a-zA-Z0-9.]+)'"
                    + "|\"((?:app|space|signin|account|role|password|companies|users|error|email|link|forgot"
                    + "|preferences|invitation|idle|reset|emailConfirm|contact|security|inbox|mails)\\.[a-zA-Z0-9.]+)\"");
    /** A lone apostrophe starts quoted text in MessageFormat and swallows what follows: write '' instead. */
    static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    @Test
    void french_and_english_have_the_same_keys() throws IOException {
        assertEquals(load("fr").stringPropertyNames(), load("en").stringPropertyNames());
    }

    @Test
    void every_key_named_in_a_page_or_in_java_exists() throws IOException {
        Set<String> known = load("fr").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".xhtml") || p.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY.matcher(Files.readString(file));
                    while (m.find()) {
                        String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                        if (!key.endsWith(".") && !known.contains(key)) {
                            missing.add(file + ": " + key);
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys missing from the bundles: " + missing);
    }

    @Test
    void every_value_shown_through_a_composed_key_has_its_text() throws IOException {
        Set<String> known = load("fr").stringPropertyNames();
        List<String> composed = new ArrayList<>();
        Stream.of(AccountStatus.values()).forEach(s -> composed.add("account.status." + s));
        Stream.of(BillingMode.values()).forEach(b -> composed.add("companies.billingMode." + b));
        Stream.of(Language.values()).forEach(l -> composed.add("app.language." + l.code()));
        Stream.of(Roles.USER, Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR).forEach(r -> composed.add("role." + r));
        Stream.of("403", "404", "500", "expired").forEach(e -> {
            composed.add("error." + e + ".title");
            composed.add("error." + e + ".text");
        });
        assertTrue(known.containsAll(composed), "missing: " + composed.stream().filter(k -> !known.contains(k)).toList());
    }

    @Test
    void no_text_has_a_lone_apostrophe() throws IOException {
        for (String language : new String[]{"fr", "en"}) {
            Properties texts = load(language);
            for (String key : texts.stringPropertyNames()) {
                assertTrue(!LONE_QUOTE.matcher(texts.getProperty(key)).find(),
                        language + " " + key + " has a lone apostrophe: write '' so that MessageFormat shows it");
            }
        }
    }

    static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(
                "/fr/moncompte/portal/web/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
