package fr.moncompte.portal.web.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiRequestsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, null, 1, 20, 0",
            "1, 20, 1, 20, 0",
            "3, 10, 3, 10, 20",
            "' 2 ', 100, 2, 100, 100",
            "21474837, 100, 21474837, 100, 2147483600"})
    void paging_reads_page_from_one_and_size_up_to_a_hundred(String page, String size, int expectedPage,
                                                             int expectedSize, int first) {
        Paging paging = Paging.of(page, size);
        assertEquals(expectedPage, paging.page());
        assertEquals(expectedSize, paging.size());
        assertEquals(first, paging.first());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"0, 20", "-1, 20", "1, 0", "1, 101", "abc, 20", "1, 2x", "99999999999, 1",
            "21474838, 100", "30000000, 100"})
    void anything_else_is_a_clear_400(String page, String size) {
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> Paging.of(page, size));
        assertEquals("api.paging.invalid", refused.messageKey());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, fr",
            "'', fr",
            "en, en",
            "'en-GB,en;q=0.9', en",
            "'de-DE,de;q=0.9,en;q=0.8', en",
            "'de,it', fr",
            "'fr-CA', fr",
            "'*', fr",
            "';;;q=x', fr"})
    void messages_come_in_the_first_of_french_and_english_the_caller_accepts(String header, String expected) {
        assertEquals(Locale.forLanguageTag(expected), ApiLanguage.ofHeader(header));
    }
}
