package fr.moncompte.portal.web.exports;

import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.Texts;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A list as the person sees it on screen, as a CSV download (issue 21): the same boundary call as the page, with the
 * same search or filter, read a chunk at a time (each chunk its own transaction, so nothing accumulates) and written
 * as it comes: 100,000 rows never sit in memory. Headers are in the page's language; so are dates and states.
 *
 * @param <T> the rows
 */
public abstract class CsvExport<T> extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** How many rows each read takes. */
    static final int CHUNK = 500;

    @Inject
    transient LocaleSelection localeSelection;

    /** The file's name before its date, e.g. "utilisateurs". */
    protected abstract String name(Locale locale);

    /** The header's text keys, in column order. */
    protected abstract List<String> headers();

    /**
     * The rows from {@code first}, at most {@code max}; fewer means the end. {@code last} is the last row of the chunk
     * before (null for the first), for a list that keys its chunks on it rather than on an offset.
     */
    protected abstract List<T> rows(HttpServletRequest request, int first, T last, int max);

    /** One row's cells, in the header's order. */
    protected abstract Object[] cells(T row, Locale locale);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = localeSelection.getLocale();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name(locale) + "-"
                + LocalDate.now() + ".csv\"");
        response.setHeader("Cache-Control", "private, no-store");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        Csv csv = new Csv(writer);
        csv.row(headers().stream().map(key -> Texts.format(locale, key)).toArray());
        int first = 0;
        T last = null;
        while (true) {
            List<T> chunk = rows(request, first, last, CHUNK);
            for (T row : chunk) {
                csv.row(cells(row, locale));
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            first += chunk.size();
            last = chunk.get(chunk.size() - 1);
            csv.flush();
        }
        csv.flush();
    }

    protected static String text(Locale locale, String key) {
        return Texts.format(locale, key);
    }
}
