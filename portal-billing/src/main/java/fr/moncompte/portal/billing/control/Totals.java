package fr.moncompte.portal.billing.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * An invoice's totals (SPEC §5): the lines excl. VAT (each already rounded to the cent), the VAT on their sum at the
 * configured rate, rounded half-up to the cent, and the total incl. VAT.
 *
 * @param vatRate e.g. 0.20 for 20 %
 */
public record Totals(BigDecimal excludingVat, BigDecimal vatRate, BigDecimal vat, BigDecimal includingVat) {

    public static Totals of(Collection<BigDecimal> lines, BigDecimal vatRate) {
        if (vatRate.signum() < 0 || vatRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a VAT rate lies in [0, 1): " + vatRate);
        }
        // Lines come rounded to the cent: a sum with more decimals is a bug, and UNNECESSARY says so loudly.
        BigDecimal excluding = lines.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal vat = excluding.multiply(vatRate).setScale(2, RoundingMode.HALF_UP);
        return new Totals(excluding, vatRate, vat, excluding.add(vat));
    }
}
