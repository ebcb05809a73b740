package fr.moncompte.portal.web.companies;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.catalogue.boundary.Catalogue;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.web.i18n.DayField;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * "Entreprises › Applications" for operators: configure an application on sale on the company from a first day to an
 * optional last one, or set, move or clear the last day of one configured already (asked in a small form first).
 */
@Named
@ViewScoped
public class SubscriptionsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "subscriptions";

    @EJB
    Catalogue catalogue;

    @Inject
    CompanyPage companyPage;

    @Inject
    PageMessages messages;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    TimeDisplay timeDisplay;

    private String code;
    private String start;
    private String end;
    /** The configured application whose last day is being set, or null. */
    private Long endingId;
    private String endingName;
    private String endDay;

    @EJB
    fr.moncompte.portal.domain.organisation.boundary.Closing closing;

    private String lastDay;

    /** Ends every subscription of the company at the typed last day (issue 21: the next run bills a final month). */
    public void endAll() {
        java.time.LocalDate day = fr.moncompte.portal.web.i18n.DayField.of(lastDay).day();
        try {
            int changed = closing.endSubscriptions(companyPage.getCompanyId(), day,
                    fr.moncompte.portal.web.session.FacesRequests.sourceAddress());
            messages.formInfo("endAll", "closing.endAll.done", changed, timeDisplay.day(day));
        } catch (fr.moncompte.portal.domain.FieldsRefused refused) {
            refused.problems().forEach(p -> messages.fieldError("endAll:" + p.field(), p.messageKey()));
        } catch (fr.moncompte.portal.domain.PortalException refused) {
            messages.formError("endAll", refused.messageKey());
        }
    }

    public String getLastDay() {
        return lastDay;
    }

    public void setLastDay(String lastDay) {
        this.lastDay = lastDay;
    }

    public List<Application> getOnSale() {
        return catalogue.applications().stream().filter(Application::isActive).toList();
    }

    public String name(Application application) {
        return application.name(localeSelection.current());
    }

    public void configure() {
        DayField first = DayField.of(start);
        DayField last = DayField.of(end);
        if (malformed(first, "start") | malformed(last, "end")) {
            return;
        }
        try {
            ConfiguredApplication configured = catalogue.configure(companyPage.getCompanyId(), code, first.day(), last.day(),
                    FacesRequests.sourceAddress());
            messages.formInfo(FORM, "configuration.added", name(configured.getApplication()),
                    timeDisplay.day(configured.getStartDate()));
            code = null;
            start = null;
            end = null;
        } catch (FieldsRefused refused) {
            refused.problems().forEach(problem -> messages.fieldErrorKeeping(FORM + ":" + problem.field(),
                    "start".equals(problem.field()) ? start : end, problem.messageKey()));
        } catch (NotFound unknown) {
            messages.fieldError(FORM + ":code", "configuration.application.required");
        } catch (PortalException refused) {
            messages.formError(FORM, refused.messageKey());
        }
    }

    public void askToEnd(ConfiguredApplication configured) {
        endingId = configured.getId();
        endingName = name(configured.getApplication());
        endDay = (configured.getEndDate() == null ? timeDisplay.today() : configured.getEndDate()).toString();
    }

    public void cancelEnd() {
        endingId = null;
    }

    public void saveEnd() {
        if (endingId == null) {
            return;
        }
        DayField field = DayField.of(endDay);
        if (malformed(field, "endDay")) {
            return;
        }
        LocalDate last = field.day();
        try {
            catalogue.end(companyPage.getCompanyId(), endingId, last, FacesRequests.sourceAddress());
            messages.formInfo(FORM, last == null ? "configuration.endCleared" : "configuration.ended", endingName,
                    last == null ? "" : timeDisplay.day(last));
            endingId = null;
        } catch (FieldsRefused refused) {
            messages.fieldErrorKeeping(FORM + ":endDay", endDay, refused.messageKey());
        } catch (NotFound gone) {
            messages.formError(FORM, "error.notFound");
            endingId = null;
        } catch (PortalException refused) {
            messages.formError(FORM, refused.messageKey());
        }
    }

    /** Marks a malformed date field, keeping what was typed. */
    private boolean malformed(DayField field, String id) {
        if (field.malformed()) {
            messages.fieldErrorKeeping(FORM + ":" + id, field.typed(), "audit.day.invalid");
        }
        return field.malformed();
    }

    public Long getEndingId() {
        return endingId;
    }

    public String getEndingName() {
        return endingName;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public String getEndDay() {
        return endDay;
    }

    public void setEndDay(String endDay) {
        this.endDay = endDay;
    }
}
