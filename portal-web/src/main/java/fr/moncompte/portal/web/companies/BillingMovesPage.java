package fr.moncompte.portal.web.companies;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.organisation.boundary.BillingMoves;
import fr.moncompte.portal.domain.organisation.boundary.Onboarding;
import fr.moncompte.portal.domain.organisation.entity.AccountingFirm;
import fr.moncompte.portal.domain.organisation.entity.BillingArrangement;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A company's billing history on its page (issue 21): who it was billed through from which month, shown to whoever
 * sees the company; operators record a move from this month or a later one ({@link BillingMoves} decides).
 */
@Named
@RequestScoped
public class BillingMovesPage {

    static final String FORM = "billingMove";
    /** How many months ahead the form proposes. */
    static final int MONTHS_PROPOSED = 13;

    @EJB
    BillingMoves moves;

    @EJB
    Onboarding onboarding;

    @Inject
    CompanyPage companyPage;

    @Inject
    PageMessages messages;

    @Inject
    TimeDisplay time;

    private List<BillingArrangement> history;
    private List<AccountingFirm> firms;
    private String mode = BillingMode.FIRM.name();
    private Long firmId;
    private String from;

    public List<BillingArrangement> getHistory() {
        if (history == null) {
            history = companyPage.getCompany() == null ? List.of() : moves.history(companyPage.getCompanyId());
        }
        return history;
    }

    /** Operators only: the form names every firm. */
    public List<AccountingFirm> getFirms() {
        if (firms == null) {
            firms = onboarding.firms();
        }
        return firms;
    }

    /** This month and the twelve after it, as the form proposes them ({@code 2027-01}). */
    public List<YearMonth> getMonths() {
        YearMonth now = YearMonth.from(time.today());
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < MONTHS_PROPOSED; i++) {
            months.add(now.plusMonths(i));
        }
        return months;
    }

    public String month(YearMonth month) {
        return time.month(month);
    }

    public void move() {
        YearMonth month = parse(from);
        try {
            moves.move(companyPage.getCompanyId(), BillingMode.valueOf(String.valueOf(mode)), firmId, month,
                    FacesRequests.sourceAddress());
            history = null;
            companyPage.reload();
            messages.formInfo(FORM, "billingMoves.recorded", time.month(month));
        } catch (FieldsRefused refused) {
            refused.problems().forEach(problem -> messages.fieldError(FORM + ":" + problem.field(),
                    problem.messageKey()));
        } catch (NotFound gone) {
            messages.formError(FORM, "error.notFound");
        } catch (PortalException refused) {
            messages.formError(FORM, refused.messageKey());
        } catch (IllegalArgumentException forged) {
            messages.formError(FORM, "billingMoves.mode.invalid");
        }
    }

    private static YearMonth parse(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : YearMonth.parse(typed);
        } catch (java.time.format.DateTimeParseException forged) {
            return null;
        }
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public Long getFirmId() {
        return firmId;
    }

    public void setFirmId(Long firmId) {
        this.firmId = firmId;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }
}
