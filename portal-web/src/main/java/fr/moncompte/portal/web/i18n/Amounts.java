package fr.moncompte.portal.web.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** Amounts in euros as people type and read them: "29,90" or "29.90" typed; "29,90 €" or "€29.90" shown. */
public final class Amounts {

    private Amounts() {
    }

    /**
     * @return the amount typed, empty when it is no number (a blank field is no number either), or when it could be
     *         read two ways: "1,500" is 1.5 in French and 1500 in English, so a comma or a point followed by exactly
     *         three digits is refused rather than guessed (write "1500" or "1500,00")
     */
    public static Optional<BigDecimal> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String plain = typed.replaceAll("[\\s\\u00a0\\u202f€]", "");
        if (!plain.matches("\\d{1,9}([.,]\\d{1,2}|[.,]\\d{4,9})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(plain.replace(',', '.')));
    }

    public static String format(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        return amount == null ? "" : format.format(amount);
    }

    /** As typed in a form: "29,90" in French, "29.90" in English. */
    public static String plain(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        String text = amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
        return locale.getLanguage().equals("fr") ? text.replace('.', ',') : text;
    }
}
