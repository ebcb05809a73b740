package fr.moncompte.portal.web.api;

import java.util.List;

/**
 * One page of a list as the API answers it.
 *
 * @param total how many items the whole list holds, on all pages
 */
public record ListPage<T>(List<T> items, int page, int size, long total) {

    public static <T> ListPage<T> of(List<T> items, Paging paging, long total) {
        return new ListPage<>(List.copyOf(items), paging.page(), paging.size(), total);
    }
}
