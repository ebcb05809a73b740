package fr.moncompte.portal.domain.schema.control;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionSettingsTest {

    /** What OPERATIONS.md's example production configuration sets. */
    private static Map<String, String> production() {
        Map<String, String> settings = new HashMap<>();
        settings.put("portal.db.url", "jdbc:postgresql://db.internal:5432/portal");
        settings.put("portal.public-url", "https://moncompte.example/");
        settings.put("portal.jwt.signing-key.location", "/etc/portal/jwt/signing-key.pem");
        settings.put("portal.billing.provider.secret", "0123456789abcdef0123456789abcdef");
        settings.put("portal.billing.seller.siren", "900000001");
        settings.put("portal.second-factor.key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return settings;
    }

    private static List<String> problems(Map<String, String> settings) {
        return ProductionSettings.problems(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void aSoundProductionConfigurationStarts() {
        assertEquals(List.of(), problems(production()));
    }

    @Test
    void productionIsTheDefaultAndEachUnsafeSettingIsNamed() {
        Map<String, String> settings = production();
        settings.put("portal.demo-data", "true");
        settings.put("portal.session.secure-cookie", "FALSE");
        settings.put("portal.jwt.signing-key.create-if-missing", " true ");
        List<String> problems = problems(settings);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("portal.demo-data=true"), problems.get(0));
        assertTrue(problems.get(1).startsWith("portal.session.secure-cookie=FALSE"), problems.get(1));
        assertTrue(problems.get(2).startsWith("portal.jwt.signing-key.create-if-missing=true"), problems.get(2));
    }

    @Test
    void booleansAreReadAsMicroProfileConfigReadsThem() {
        Map<String, String> settings = production();
        settings.put("portal.demo-data", "YES");
        settings.put("portal.session.secure-cookie", "no");
        settings.put("portal.jwt.signing-key.create-if-missing", "1");
        assertEquals(3, problems(settings).size(), problems(settings).toString());
        assertTrue(problems(settings).get(0).startsWith("portal.demo-data=YES"), problems(settings).get(0));
        settings.put("portal.demo-data", "off");
        settings.put("portal.session.secure-cookie", "on");
        settings.put("portal.jwt.signing-key.create-if-missing", "0");
        assertEquals(List.of(), problems(settings));
        settings.put("portal.session.secure-cookie", "0");
        assertEquals(1, problems(settings).size());
    }

    @Test
    void aMissingKeyAPlainHttpAddressH2AndAShortSecretAreRefused() {
        Map<String, String> settings = production();
        settings.remove("portal.jwt.signing-key.location");
        settings.put("portal.public-url", "http://moncompte.example/");
        settings.put("portal.db.url", "jdbc:h2:file:/var/portal/db");
        settings.put("portal.billing.provider.secret", "short");
        List<String> problems = problems(settings);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("portal.jwt.signing-key.location is not set"), problems.get(0));
        assertTrue(problems.get(1).startsWith("portal.public-url=http://moncompte.example/"), problems.get(1));
        assertTrue(problems.get(2).startsWith("portal.db.url is an H2 database"), problems.get(2));
        assertTrue(problems.get(3).startsWith("portal.billing.provider.secret is shorter than 32"), problems.get(3));
    }

    @Test
    void theSecondFactorsSealingKeyIsRequiredAndMustBe32BytesOfBase64() {
        Map<String, String> settings = production();
        settings.remove("portal.second-factor.key");
        List<String> problems = problems(settings);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("portal.second-factor.key is not set"), problems.get(0));
        settings.put("portal.second-factor.key", "c2hvcnQ=");
        assertTrue(problems(settings).get(0).startsWith("portal.second-factor.key is not 32 bytes"),
                problems(settings).toString());
        settings.put("portal.environment", "development");
        assertEquals(List.of(), problems(settings), "development seals with its published key");
    }

    @Test
    void thePlaceholderVendorIsRefusedAsTheSellerOfRealInvoices() {
        Map<String, String> settings = production();
        settings.put("portal.billing.seller.siren", " " + ProductionSettings.DEMO_SELLER_SIREN + " ");
        List<String> problems = problems(settings);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("portal.billing.seller.siren=812345676 is the placeholder vendor's"),
                problems.get(0));
        settings.put("portal.environment", "development");
        assertEquals(List.of(), problems(settings), "the quick start and the tests bill as the placeholder");
    }

    @Test
    void aBlankKeyLocationAndAnUnsetAddressAreMissingToo() {
        Map<String, String> settings = production();
        settings.put("portal.jwt.signing-key.location", "  ");
        settings.remove("portal.public-url");
        List<String> problems = problems(settings);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(1).contains("(not set)"), problems.get(1));
    }

    @Test
    void developmentAllowsTheQuickStartsSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("portal.environment", "Development");
        settings.put("portal.demo-data", "true");
        settings.put("portal.session.secure-cookie", "false");
        settings.put("portal.public-url", "http://localhost:8080/");
        assertEquals(List.of(), problems(settings));
    }

    @Test
    void anUnknownEnvironmentIsRefusedRatherThanGuessed() {
        Map<String, String> settings = production();
        settings.put("portal.environment", "prod");
        List<String> problems = problems(settings);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("portal.environment=prod is neither"), problems.get(0));
    }
}
