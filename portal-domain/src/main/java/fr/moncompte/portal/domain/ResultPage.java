package fr.moncompte.portal.domain;

import java.util.List;

/**
 * One page of a list, as the database returned it, and how many rows the whole list holds (for the pager).
 *
 * @param total rows matching the search, on all pages
 */
public record ResultPage<T>(List<T> rows, long total) {

    public ResultPage {
        rows = List.copyOf(rows);
    }
}
