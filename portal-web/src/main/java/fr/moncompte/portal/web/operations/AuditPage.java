package fr.moncompte.portal.web.operations;

import fr.moncompte.portal.domain.audit.boundary.AuditTrail.Entry;
import fr.moncompte.portal.domain.audit.boundary.AuditTrail.Filter;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.audit.boundary.AuditTrail;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory.CompanyOrder;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.web.i18n.DayField;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.Texts;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * "Back-office › Journal d'audit": every change, newest first, filtered by actor (e-mail or id), company (SIREN),
 * action and period, paged by the database. A filter that names no one or nothing shows no event, and says why.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "filter";
    static final int PAGE_SIZE = 25;

    @EJB
    AuditTrail trail;

    @EJB
    CompanyDirectory companies;

    @Inject
    PageMessages messages;

    @Inject
    Texts texts;

    @Inject
    TimeDisplay timeDisplay;

    @Inject
    LocaleSelection localeSelection;

    private String actor;
    private String company;
    private String action;
    private String from;
    private String to;
    private Filter filter = Filter.none();
    private boolean nothingMatches;

    private final LazyDataModel<Entry> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return nothingMatches ? 0 : (int) Math.min(Integer.MAX_VALUE, trail.count(filter));
        }

        @Override
        public List<Entry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                Map<String, FilterMeta> filterBy) {
            return nothingMatches ? List.of() : trail.find(filter, first, pageSize);
        }

        @Override
        public String getRowKey(Entry entry) {
            return String.valueOf(entry.event().getId());
        }
    };

    /** Applies the typed filters; each malformed one is marked on its field and keeps what was typed. */
    public void apply() {
        DayField fromField = DayField.of(from);
        DayField toField = DayField.of(to);
        LocalDate fromDay = fromField.day();
        LocalDate toDay = toField.day();
        boolean valid = !malformed(fromField, "from") & !malformed(toField, "to");
        // What the trail cannot answer (an unknown actor, a reversed period) it says itself, field by field.
        for (Problem problem : trail.refusals(new Filter(actor, null, null, fromDay, toDay))) {
            messages.fieldErrorKeeping(FORM + ":" + problem.field(), problem.field().equals("actor") ? actor : to,
                    problem.messageKey());
            valid = false;
        }
        Long companyId = null;
        nothingMatches = false;
        if (company != null && !company.isBlank()) {
            String siren = company.replaceAll("\\s", "");
            List<Company> found = siren.matches("\\d{9}")
                    ? companies.findCompanies(siren, CompanyOrder.SIREN, true, 0, 1) : List.of();
            if (found.isEmpty()) {
                messages.fieldErrorKeeping(FORM + ":company", company, "audit.company.unknown");
                valid = false;
            } else {
                companyId = found.get(0).getId();
            }
        }
        if (!valid) {
            nothingMatches = true;
            return;
        }
        filter = new Filter(actor, companyId, action == null || action.isBlank() ? null : action, fromDay, toDay);
    }

    /** The CSV of the log as filtered on screen. */
    public String getExportQuery() {
        Filter shown = filter == null ? Filter.none() : filter;
        return fr.moncompte.portal.web.exports.ExportLinks.query("actor", shown.actor(), "company", shown.companyId(),
                "action", shown.action(), "from", shown.from(), "to", shown.to());
    }

    public void clear() {
        actor = null;
        company = null;
        action = null;
        from = null;
        to = null;
        filter = Filter.none();
        nothingMatches = false;
    }

    /** Marks a malformed date field, keeping what was typed. */
    private boolean malformed(DayField field, String id) {
        if (field.malformed()) {
            messages.fieldErrorKeeping(FORM + ":" + id, field.typed(), "audit.day.invalid");
        }
        return field.malformed();
    }

    public List<String> getActions() {
        return trail.actions();
    }

    /** An action in words; one the bundles do not name yet shows its code. */
    public String action(String code) {
        return texts.containsKey("audit.action." + code) ? texts.get("audit.action." + code) : code;
    }

    public String when(Entry entry) {
        return timeDisplay.format(entry.event().getOccurredAt(), localeSelection.getLocale());
    }

    public LazyDataModel<Entry> getModel() {
        return model;
    }

    public int getPageSize() {
        return PAGE_SIZE;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
