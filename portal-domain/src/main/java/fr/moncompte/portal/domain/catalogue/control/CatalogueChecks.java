package fr.moncompte.portal.domain.catalogue.control;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.catalogue.entity.ApplicationDetails;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a catalogue entry field by field and returns it cleaned: a code of 2 to 10 capitals, digits or
 * underscores; both names, at most 100 characters; prices from 0 to 99,999.99 with at most two decimals.
 */
public final class CatalogueChecks {

    static final BigDecimal MAXIMUM_PRICE = new BigDecimal("99999.99");

    private CatalogueChecks() {
    }

    /** @throws FieldsRefused with every problem, each named by its field in {@link ApplicationDetails} */
    public static ApplicationDetails check(ApplicationDetails typed) {
        List<Problem> problems = new ArrayList<>();
        String code = typed.code() == null ? "" : typed.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9_]{2,10}")) {
            problems.add(new Problem("code", "catalogue.code.invalid"));
        }
        String nameFr = name(typed.nameFr(), "nameFr", problems);
        String nameEn = name(typed.nameEn(), "nameEn", problems);
        price(typed.monthlyCompanyPrice(), "monthlyCompanyPrice", problems);
        price(typed.monthlySeatPrice(), "monthlySeatPrice", problems);
        if (!problems.isEmpty()) {
            throw new FieldsRefused(problems);
        }
        return new ApplicationDetails(code, nameFr, nameEn, typed.monthlyCompanyPrice(), typed.monthlySeatPrice(),
                typed.active());
    }

    private static String name(String typed, String field, List<Problem> problems) {
        if (typed == null || typed.isBlank()) {
            problems.add(new Problem(field, "catalogue.name.required"));
            return null;
        }
        String name = typed.strip();
        if (name.length() > 100) {
            problems.add(new Problem(field, "catalogue.name.tooLong"));
        }
        return name;
    }

    private static void price(BigDecimal price, String field, List<Problem> problems) {
        if (price == null) {
            problems.add(new Problem(field, "catalogue.price.required"));
        } else if (price.signum() < 0 || price.compareTo(MAXIMUM_PRICE) > 0 || price.stripTrailingZeros().scale() > 2) {
            problems.add(new Problem(field, "catalogue.price.invalid"));
        }
    }
}
