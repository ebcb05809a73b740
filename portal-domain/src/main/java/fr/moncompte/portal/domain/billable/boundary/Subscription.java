package fr.moncompte.portal.domain.billable.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An application configured on a company, with its catalogue prices; the end is absent while it runs. */
public record Subscription(String applicationCode, String nameFr, String nameEn, BigDecimal monthlyCompanyPrice,
                           BigDecimal monthlySeatPrice, LocalDate start, LocalDate end) {
}
