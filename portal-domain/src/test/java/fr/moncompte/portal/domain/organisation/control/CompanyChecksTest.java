package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.organisation.entity.CompanyDetails;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompanyChecksTest {

    static final String SIREN = "732829320";

    @Test
    void cleans_what_was_typed() {
        CompanyDetails checked = CompanyChecks.check(new CompanyDetails(" Boulangerie Martin SARL ", "SARL",
                "732 829 320 00074", "fr44 732829320", "12 rue des Fours", "69002", "Lyon", " contact@martin.example ",
                "04 78 00 00 01"), SIREN);
        assertEquals(new CompanyDetails("Boulangerie Martin SARL", "SARL", "73282932000074", "FR44732829320",
                "12 rue des Fours", "69002", "Lyon", "contact@martin.example", "+33478000001"), checked);
    }

    @Test
    void reports_every_wrong_field_at_once() {
        FieldsRefused refused = assertThrows(FieldsRefused.class, () -> CompanyChecks.check(
                new CompanyDetails(" ", "SARL", "44306184100047", "FR45732829320", null, "6900", "Lyon",
                        "pas une adresse", "12"), SIREN));
        assertEquals(List.of(
                new FieldsRefused.Problem("legalName", "companies.legalName.required"),
                new FieldsRefused.Problem("siret", "siret.otherCompany"),
                new FieldsRefused.Problem("vatNumber", "vat.otherCompany"),
                new FieldsRefused.Problem("postalCode", "companies.postalCode.invalid"),
                new FieldsRefused.Problem("contactEmail", "email.invalid"),
                new FieldsRefused.Problem("contactPhone", "phone.invalid")), refused.problems());
    }

    @Test
    void refuses_a_name_longer_than_the_column() {
        FieldsRefused refused = assertThrows(FieldsRefused.class, () -> CompanyChecks.check(
                new CompanyDetails("x".repeat(201), "SAS", null, null, null, null, null, null, null), SIREN));
        assertEquals(List.of(new FieldsRefused.Problem("legalName", "companies.tooLong")), refused.problems());
    }
}
