package fr.moncompte.portal.billing.document.control;

import fr.moncompte.portal.domain.account.entity.Language;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words, dates and amounts of an invoice in the language of the account it is addressed to. French formats
 * "1 234,56 €" and "1 octobre 2026"; English "€1,234.56" and "1 October 2026".
 */
public final class DocumentTexts {

    private static final String BUNDLE = "fr.moncompte.portal.billing.document.control.documents";

    /** Each language's bundle, looked up once: a run labels hundreds of thousands of lines. */
    private static final Map<Language, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private DocumentTexts() {
    }

    public static String format(Language language, String key, Object... arguments) {
        String pattern = BUNDLES.computeIfAbsent(language, chosen -> ResourceBundle.getBundle(BUNDLE, chosen.locale(),
                DocumentTexts.class.getClassLoader())).getString(key);
        return new MessageFormat(pattern, language.locale()).format(arguments);
    }

    public static String day(Language language, LocalDate day) {
        Locale locale = language == Language.EN ? Locale.UK : Locale.FRANCE;
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    public static String money(Language language, BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language == Language.EN ? Locale.UK : Locale.FRANCE);
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount.setScale(2, RoundingMode.UNNECESSARY)).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    public static String number(Language language, BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(language == Language.EN ? Locale.UK : Locale.FRANCE);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    public static String percent(Language language, BigDecimal rate) {
        NumberFormat format = NumberFormat.getPercentInstance(language == Language.EN ? Locale.UK : Locale.FRANCE);
        format.setMaximumFractionDigits(2);
        return format.format(rate).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
