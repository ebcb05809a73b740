package fr.moncompte.portal.web.lists;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A PrimeFaces lazy table model over a boundary's search: the database searches, sorts and pages; the table only
 * shows the page it asked for. The search text comes from the page's own search field, not from column filters.
 *
 * @param <T> the rows
 */
public class SearchableList<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** The boundary's call for the rows of one page (the table counts separately, once per render). */
    @FunctionalInterface
    public interface Pages<T> extends Serializable {

        /** @param sortField the column's sort field, or null for the list's natural order */
        List<T> rows(String search, String sortField, boolean ascending, int first, int max);
    }

    /** The boundary's count call, for one search text. */
    @FunctionalInterface
    public interface Count extends Serializable {

        long count(String search);
    }

    private final Pages<T> pages;
    private final Count counter;
    private final Function<T, Object> key;
    private String search;

    public SearchableList(Pages<T> pages, Count counter, SerializableKey<T> key) {
        this.pages = pages;
        this.counter = counter;
        this.key = key;
    }

    /** The id of a row, serialisable so that the view can keep the model. */
    public interface SerializableKey<T> extends Function<T, Object>, Serializable {
    }

    public void search(String text) {
        this.search = text == null ? null : text.strip();
    }

    public String getSearch() {
        return search;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, counter.count(search));
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
        return pages.rows(search, sort == null ? null : sort.getField(), ascending, first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.apply(row));
    }
}
