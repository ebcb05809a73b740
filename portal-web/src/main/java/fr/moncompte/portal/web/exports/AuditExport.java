package fr.moncompte.portal.web.exports;

import fr.moncompte.portal.domain.audit.boundary.AuditTrail;
import fr.moncompte.portal.domain.audit.boundary.AuditTrail.Entry;
import fr.moncompte.portal.domain.audit.boundary.AuditTrail.Filter;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * "Journal d'audit" as CSV (operators), filtered as on screen ({@code ?actor=&company=<id>&action=&from=&to=}, days as
 * {@code 2026-12-31}), newest first, through {@link AuditTrail}. Times are UTC in ISO 8601, as a log's are.
 */
@WebServlet("/operations/audit.csv")
public class AuditExport extends CsvExport<Entry> {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AuditTrail trail;

    @Override
    protected String name(Locale locale) {
        return text(locale, "exports.audit.file");
    }

    @Override
    protected List<String> headers() {
        return List.of("exports.audit.when", "audit.actor", "audit.action", "audit.target", "exports.audit.targetId",
                "exports.audit.before", "exports.audit.after", "audit.source");
    }

    @Override
    protected List<Entry> rows(HttpServletRequest request, int first, Entry last, int max) {
        Filter filter = new Filter(blankless(request.getParameter("actor")), id(request.getParameter("company")),
                blankless(request.getParameter("action")), day(request.getParameter("from")),
                day(request.getParameter("to")));
        if (!trail.refusals(filter).isEmpty()) {
            // An actor nobody is, or a period reversed: the page shows nothing for it, and so does the file.
            return List.of();
        }
        // Keyed on the last row: each chunk's own trace lands on top of the log and must not shift the next chunk.
        return trail.findAfter(filter, last, max);
    }

    @Override
    protected Object[] cells(Entry entry, Locale locale) {
        return new Object[]{entry.event().getOccurredAt(), entry.actorEmail(), entry.event().getAction(),
                entry.event().getTargetType(), entry.event().getTargetId(), entry.event().getBeforeState(),
                entry.event().getAfterState(), entry.event().getSourceAddress()};
    }

    private static String blankless(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private static Long id(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Long.valueOf(typed.strip());
        } catch (NumberFormatException ignored) {
            return null;
        }
    }

    private static LocalDate day(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
