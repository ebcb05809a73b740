package fr.moncompte.portal.domain.catalogue.control;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.catalogue.entity.ApplicationDetails;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CatalogueChecksTest {

    @Test
    void a_code_is_upper_cased_and_names_trimmed() {
        ApplicationDetails checked = CatalogueChecks.check(new ApplicationDetails(" paie ", " Paie ", " Payroll ",
                new BigDecimal("12.50"), BigDecimal.ZERO, true));
        assertEquals(new ApplicationDetails("PAIE", "Paie", "Payroll", new BigDecimal("12.50"), BigDecimal.ZERO, true),
                checked);
    }

    @Test
    void codes_names_and_prices_out_of_bounds_are_refused_field_by_field() {
        FieldsRefused refused = assertThrows(FieldsRefused.class, () -> CatalogueChecks.check(new ApplicationDetails(
                "P-1", "", "x".repeat(101), new BigDecimal("-1"), new BigDecimal("1.005"), true)));
        assertEquals(List.of(new Problem("code", "catalogue.code.invalid"),
                new Problem("nameFr", "catalogue.name.required"),
                new Problem("nameEn", "catalogue.name.tooLong"),
                new Problem("monthlyCompanyPrice", "catalogue.price.invalid"),
                new Problem("monthlySeatPrice", "catalogue.price.invalid")), refused.problems());
    }

    @Test
    void the_highest_price_passes_and_one_cent_more_does_not() {
        CatalogueChecks.check(new ApplicationDetails("AB", "A", "A", new BigDecimal("99999.99"), new BigDecimal("1.10"),
                false));
        FieldsRefused refused = assertThrows(FieldsRefused.class, () -> CatalogueChecks.check(new ApplicationDetails(
                "AB", "A", "A", new BigDecimal("100000.00"), null, false)));
        assertEquals(List.of(new Problem("monthlyCompanyPrice", "catalogue.price.invalid"),
                new Problem("monthlySeatPrice", "catalogue.price.required")), refused.problems());
    }
}
