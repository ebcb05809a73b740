package fr.moncompte.portal.domain.catalogue.entity;

import java.math.BigDecimal;

/** A catalogue entry as operators edit it: code, names in French and English, monthly prices excl. VAT, on sale. */
public record ApplicationDetails(String code, String nameFr, String nameEn, BigDecimal monthlyCompanyPrice,
                                 BigDecimal monthlySeatPrice, boolean active) {
}
