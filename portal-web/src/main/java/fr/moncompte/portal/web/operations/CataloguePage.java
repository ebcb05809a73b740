package fr.moncompte.portal.web.operations;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.catalogue.boundary.Catalogue;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ApplicationDetails;
import fr.moncompte.portal.web.i18n.Amounts;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import fr.moncompte.portal.domain.catalogue.entity.ApplicationPrice;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import java.util.List;

/**
 * "Back-office › Catalogue": the applications, their names in French and English, monthly prices (per company and
 * per user seat, excl. VAT) and whether they are on sale; an operator edits one or adds one. Prices are typed as
 * people write them ("29,90" or "29.90"); every refused field keeps what was typed.
 */
@Named
@ViewScoped
public class CataloguePage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "application";

    @EJB
    Catalogue catalogue;

    @Inject
    PageMessages messages;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    TimeDisplay time;

    private transient List<Application> applications;
    /** The application being edited, or null for a new one. */
    private Long editing;
    private String code;
    private String nameFr;
    private String nameEn;
    private String companyPrice;
    private String seatPrice;
    private boolean active = true;
    /** The month new prices take effect from ({@code 2027-01}); this month when none is chosen. */
    private String pricesFrom;
    private transient List<ApplicationPrice> prices;

    public List<Application> getApplications() {
        if (applications == null) {
            applications = catalogue.applications();
        }
        return applications;
    }

    public void edit(long id) {
        try {
            Application application = catalogue.application(id);
            editing = id;
            code = application.getCode();
            nameFr = application.getNameFr();
            nameEn = application.getNameEn();
            companyPrice = Amounts.plain(application.getMonthlyCompanyPrice(), localeSelection.getLocale());
            seatPrice = Amounts.plain(application.getMonthlySeatPrice(), localeSelection.getLocale());
            active = application.isActive();
            pricesFrom = null;
            prices = catalogue.prices(id);
        } catch (NotFound gone) {
            messages.formError(FORM, "error.notFound");
        }
    }

    public void startNew() {
        editing = null;
        code = null;
        nameFr = null;
        nameEn = null;
        companyPrice = null;
        seatPrice = null;
        active = true;
    }

    public void save() {
        // An amount that is no number goes to the boundary as none; its refusal then says "invalid", not "required".
        ApplicationDetails details = new ApplicationDetails(code, nameFr, nameEn,
                Amounts.parse(companyPrice).orElse(null), Amounts.parse(seatPrice).orElse(null), active);
        try {
            Application saved = editing == null ? catalogue.create(details, FacesRequests.sourceAddress())
                    : catalogue.update(editing, details, month(pricesFrom), FacesRequests.sourceAddress());
            messages.formInfo(FORM, editing == null ? "catalogue.created" : "catalogue.saved", saved.getCode());
            applications = null;
            edit(saved.getId());
        } catch (FieldsRefused refused) {
            refused.problems().forEach(problem -> {
                String typed = typed(problem.field());
                boolean typedSomething = typed != null && !typed.isBlank();
                messages.fieldErrorKeeping(FORM + ":" + problem.field(), typed,
                        typedSomething && problem.messageKey().equals("catalogue.price.required")
                                ? "catalogue.price.invalid" : problem.messageKey());
            });
        } catch (NotFound gone) {
            messages.formError(FORM, "error.notFound");
        } catch (PortalException refused) {
            messages.formError(FORM, refused.messageKey());
        }
    }

    private String typed(String field) {
        return switch (field) {
            case "code" -> code;
            case "nameFr" -> nameFr;
            case "nameEn" -> nameEn;
            case "monthlyCompanyPrice" -> companyPrice;
            case "pricesFrom" -> pricesFrom;
            default -> seatPrice;
        };
    }

    public String price(BigDecimal amount) {
        return Amounts.format(amount, localeSelection.getLocale());
    }

    /** The application's prices by month, newest first; empty while it has always cost what it costs now. */
    public List<ApplicationPrice> getPrices() {
        if (prices == null) {
            prices = editing == null ? List.of() : catalogue.prices(editing);
        }
        return prices;
    }

    /** This month and the twelve after it, for "Prices from". */
    public List<YearMonth> getMonths() {
        YearMonth now = YearMonth.from(time.today());
        return java.util.stream.Stream.iterate(now, m -> m.plusMonths(1)).limit(13).toList();
    }

    public String month(YearMonth month) {
        return time.month(month);
    }

    private static YearMonth month(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : YearMonth.parse(typed);
        } catch (DateTimeParseException forged) {
            return null;
        }
    }

    public String getPricesFrom() {
        return pricesFrom;
    }

    public void setPricesFrom(String pricesFrom) {
        this.pricesFrom = pricesFrom;
    }

    public boolean isEditingExisting() {
        return editing != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameFr() {
        return nameFr;
    }

    public void setNameFr(String nameFr) {
        this.nameFr = nameFr;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getMonthlyCompanyPrice() {
        return companyPrice;
    }

    public void setMonthlyCompanyPrice(String companyPrice) {
        this.companyPrice = companyPrice;
    }

    public String getMonthlySeatPrice() {
        return seatPrice;
    }

    public void setMonthlySeatPrice(String seatPrice) {
        this.seatPrice = seatPrice;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
