package fr.moncompte.portal.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.text.MessageFormat;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The interface texts of the page's language: {@code #{t['app.title']}} in pages, {@link #format} in beans. Every text
 * goes through MessageFormat, so quoting rules are the same whether or not a text has arguments.
 */
@Named("t")
@RequestScoped
public class Texts extends AbstractMap<String, String> {

    public static final String BUNDLE = "fr.moncompte.portal.web.i18n.messages";

    @Inject
    LocaleSelection localeSelection;

    @Override
    public String get(Object key) {
        return format(String.valueOf(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return bundle().containsKey(String.valueOf(key));
    }

    public String format(String key, Object... arguments) {
        return format(localeSelection.getLocale(), key, arguments);
    }

    /** A text in the given language (fr or en), where no page is asking: the API's error messages. */
    public static String format(Locale locale, String key, Object... arguments) {
        try {
            return new MessageFormat(bundle(locale).getString(key), locale).format(arguments);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    /**
     * A text as written, not read as a MessageFormat pattern: for a component's own template, e.g. the paginator's
     * "{currentPage}", which MessageFormat would take for an argument.
     */
    public String literal(String key) {
        try {
            return bundle().getString(key);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        throw new UnsupportedOperationException("Texts are looked up by key");
    }

    private ResourceBundle bundle() {
        return bundle(localeSelection.getLocale());
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
