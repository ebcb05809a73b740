package fr.moncompte.portal.web.lists;

import fr.moncompte.portal.domain.ResultPage;
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

    /** The boundary's two calls, for one search text. */
    public interface Source<T> extends Serializable {

        /** @param sortField the column's sort field, or null for the list's natural order */
        ResultPage<T> page(String search, String sortField, boolean ascending, int first, int max);

        long count(String search);
    }

    private final Source<T> source;
    private final Function<T, Object> key;
    private String search;

    public SearchableList(Source<T> source, SerializableKey<T> key) {
        this.source = source;
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
        return (int) Math.min(Integer.MAX_VALUE, source.count(search));
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
        ResultPage<T> page = source.page(search, sort == null ? null : sort.getField(), ascending, first, pageSize);
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.rows();
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.apply(row));
    }
}
