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

    /** @return the amount typed, empty when it is no number (a blank field is no number either) */
    public static Optional<BigDecimal> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String plain = typed.replaceAll("[\\s\\u00a0\\u202f€]", "").replace(',', '.');
        if (!plain.matches("\\d{1,9}(\\.\\d{1,9})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(plain));
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
