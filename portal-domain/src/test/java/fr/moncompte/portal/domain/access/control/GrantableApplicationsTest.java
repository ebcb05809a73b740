package fr.moncompte.portal.domain.access.control;

import fr.moncompte.portal.domain.MigratedDatabase;
import fr.moncompte.portal.domain.Tenants;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 rule 2 on the real schema: access is granted only to an application configured on that company and not
 * ended, as {@link GrantableApplications} tells granting ({@code AccessAdministration.grant}) and user creation.
 */
class GrantableApplicationsTest {

    static final String TIME_ZONE = "Europe/Paris";

    @RegisterExtension
    static final MigratedDatabase database = MigratedDatabase.domain();

    Tenants tenants;
    GrantableApplications grantable = new GrantableApplications();
    LocalDate today = LocalDate.of(2026, 12, 15);
    long boulangerie;
    long garage;

    @BeforeEach
    void writeCompanies() {
        tenants = new Tenants(database.em());
        grantable.em = database.em();
        ZoneId zone = ZoneId.of(TIME_ZONE);
        grantable.clock = Clock.fixed(today.atTime(23, 59).atZone(zone).toInstant(), zone);
        boulangerie = tenants.company(tenants.clientAccount("Martin"), "Boulangerie Martin");
        garage = tenants.company(tenants.clientAccount("Petit"), "Garage Petit");
    }

    @Test
    void only_applications_configured_on_the_company_and_not_ended_are_grantable() {
        long start = 400;
        tenants.configures(boulangerie, tenants.application("COMPTA"), today.minusDays(start), null);
        tenants.configures(boulangerie, tenants.application("NDF"), today.minusDays(start), today);
        tenants.configures(boulangerie, tenants.application("BANQUE"), today.minusDays(start), today.minusDays(1));
        tenants.configures(garage, tenants.application("CAISSE"), today.minusDays(start), null);
        tenants.application("GED");

        assertEquals(List.of("COMPTA", "NDF"), codes(grantable.on(boulangerie)),
                "NDF ends tonight: grantable until then; BANQUE ended yesterday; CAISSE is another company's");
        assertTrue(grantable.find(boulangerie, "COMPTA").isPresent());
        for (String code : List.of("BANQUE", "CAISSE", "GED", "UNKNOWN")) {
            assertTrue(grantable.find(boulangerie, code).isEmpty(), code);
        }
    }

    @Test
    void an_application_subscribed_twice_is_grantable_once_through_its_latest_subscription() {
        long compta = tenants.application("COMPTA");
        tenants.configures(boulangerie, compta, today.minusDays(400), today.plusDays(10));
        long latest = tenants.configures(boulangerie, compta, today.minusDays(5), null);

        List<ConfiguredApplication> configured = grantable.on(boulangerie);
        assertEquals(1, configured.size());
        assertEquals(latest, configured.get(0).getId());
    }

    @Test
    void a_company_without_configured_applications_has_nothing_to_grant() {
        tenants.configures(garage, tenants.application("COMPTA"), today.minusDays(10), null);
        assertEquals(List.of(), grantable.on(boulangerie));
    }

    private static List<String> codes(List<ConfiguredApplication> configured) {
        return configured.stream().map(application -> application.getApplication().getCode()).toList();
    }
}
