package fr.moncompte.portal.web.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text exists in French and in English, every key a page names exists, and every text formats. */
class BundlesTest {

    static final Path WEBAPP = Path.of("src/main/webapp");
    static final Pattern KEY_IN_PAGE = Pattern.compile("t\\['([a-zA-Z0-9.]+)'\\]|t\\.format\\('([a-zA-Z0-9.]+)'");

    @Test
    void french_and_english_have_the_same_keys() throws IOException {
        assertEquals(load("fr").stringPropertyNames(), load("en").stringPropertyNames());
    }

    @Test
    void every_key_named_in_a_page_exists() throws IOException {
        Set<String> known = load("fr").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(WEBAPP)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = KEY_IN_PAGE.matcher(Files.readString(page));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!known.contains(key)) {
                        missing.add(page + ": " + key);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys missing from the bundles: " + missing);
    }

    @Test
    void every_text_is_a_valid_message_format() throws IOException {
        for (String language : new String[]{"fr", "en"}) {
            Properties texts = load(language);
            for (String key : texts.stringPropertyNames()) {
                String formatted = new MessageFormat(texts.getProperty(key)).format(new Object[]{"x", "y", "z"});
                assertTrue(!formatted.contains("''"), language + " " + key + " shows a doubled quote");
            }
        }
    }

    static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(
                "/fr/moncompte/portal/web/i18n/messages_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
