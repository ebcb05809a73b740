package fr.moncompte.portal.web.i18n;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmountsAndDaysTest {

    @Test
    void amounts_are_read_as_french_and_english_people_type_them() {
        assertEquals(Optional.of(new BigDecimal("29.90")), Amounts.parse("29,90"));
        assertEquals(Optional.of(new BigDecimal("29.90")), Amounts.parse(" 29.90 € "));
        assertEquals(Optional.of(new BigDecimal("1250")), Amounts.parse("1\u202f250"));
        assertEquals(Optional.empty(), Amounts.parse("12,3,4"));
        assertEquals(Optional.empty(), Amounts.parse("1,500"), "1.5 or 1500? refused, not guessed");
        assertEquals(Optional.empty(), Amounts.parse("1.500"));
        assertEquals(Optional.of(new BigDecimal("1500.00")), Amounts.parse("1500,00"));
        assertEquals(Optional.empty(), Amounts.parse("-3"));
        assertEquals(Optional.empty(), Amounts.parse(""));
        assertEquals(Optional.empty(), Amounts.parse("<script>"));
    }

    @Test
    void amounts_are_shown_in_the_page_language() {
        assertEquals("29,90", Amounts.plain(new BigDecimal("29.9"), Locale.FRENCH));
        assertEquals("29.90", Amounts.plain(new BigDecimal("29.90"), Locale.ENGLISH));
        assertTrue(Amounts.format(new BigDecimal("29.9"), Locale.FRANCE).matches("29,90[\\s\\u00a0\\u202f]€"),
                Amounts.format(new BigDecimal("29.9"), Locale.FRANCE));
    }

    @Test
    void a_date_field_holds_a_day_nothing_or_something_malformed() {
        assertEquals(LocalDate.of(2026, 12, 1), DayField.of("2026-12-01").day());
        assertFalse(DayField.of("").malformed());
        assertFalse(DayField.of(null).malformed());
        assertEquals(LocalDate.of(2026, 12, 1), DayField.of("01/12/2026").day(), "as the error message asks");
        assertTrue(DayField.of("12/31/2026").malformed());
        assertTrue(DayField.of("2026-02-30").malformed());
        assertTrue(DayField.of("demain").malformed());
    }
}
