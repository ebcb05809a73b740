package fr.moncompte.portal.bench;

import fr.moncompte.portal.domain.SearchKey;
import fr.moncompte.portal.domain.organisation.control.CompanyIdentifiers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;

/**
 * Adds a large tenant population to a portal database that already has its schema and demo data: by default 10,000
 * companies in 2,000 client accounts (a third of them billed through the demo firm, Cabinet Durand, so that its
 * administrator's scope holds thousands) and 100,000 users, ten per company, each with two applications. SIRENs are
 * valid (Luhn) and SIRETs and VAT numbers consistent; names carry French accents, so that searches meet real keys.
 * Client account n has the administrator {@code admin.n@bench.example} (password Portail-Demo-2026).
 *
 * <p>Ids start at 100,000,000, far above what the portal's sequence hands out, which is then moved past them.
 * Running it twice adds nothing. Settings (system properties): {@code bench.db.url} (default: the quick start's H2
 * database, which the portal must not hold open: stop it first), {@code bench.db.user}, {@code bench.db.password},
 * {@code bench.companies}, {@code bench.users}.
 */
public final class LargeDataSet {

    static final long FIRST_ID = 100_000_000L;
    static final int COMPANIES_PER_ACCOUNT = 5;
    static final String DEMO_PASSWORD_HASH = "PBKDF2WithHmacSHA512:210000:ieu3s/Kh6HpejbTNUVyYwhMCMh4P97D/YJF1VJmfWLQ=:"
            + "7oiasLYaup2s6Rxt5x/E4YYe5QdTiEshqr/nTcvFvTwi52PRQvgAoF8EufTYICz8uyzLLIffHB1wXNiHaDMDmA==";
    static final long DEMO_FIRM = 20;
    /** Comptabilité, Facturation, Banque, Notes de frais: the demo catalogue. */
    static final long[] APPLICATIONS = {40, 41, 42, 43};

    static final String[] FIRST_NAMES = {"Élodie", "Hélène", "Jérôme", "Frédéric", "Zoé", "Noël", "Chloé", "Gaëlle",
            "Loïc", "Anaïs", "Thierry", "Camille", "Léon", "Inès", "Benoît", "Maëlle", "François", "Agnès", "Cédric",
            "Océane"};
    static final String[] LAST_NAMES = {"Lefèvre", "Bénard", "Chevalier", "Lemaître", "Géraud", "Hébert", "Pâris",
            "Duprés", "Rousseau", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rivière", "Mercier",
            "Blanchard", "Guérin", "Boyer", "Garnier", "Chevrier", "Lécuyer", "Perrin", "Morel"};
    static final String[] TRADES = {"Boulangerie", "Garage", "Pharmacie", "Librairie", "Fromagerie", "Menuiserie",
            "Épicerie", "Plomberie", "Électricité", "Crèmerie", "Hôtel", "Café", "Boucherie", "Fleuriste", "Cordonnerie"};
    static final String[] CITIES = {"Lyon", "Rennes", "Nantes", "Besançon", "Orléans", "Nîmes", "Périgueux", "Évreux",
            "Sète", "Lille"};

    private LargeDataSet() {
    }

    public static void main(String[] args) throws SQLException {
        String url = System.getProperty("bench.db.url", "jdbc:h2:file:./.quickstart/db/portal");
        int companies = Integer.getInteger("bench.companies", 10_000);
        int users = Integer.getInteger("bench.users", 100_000);
        try (Connection db = DriverManager.getConnection(url, System.getProperty("bench.db.user", "portal"),
                System.getProperty("bench.db.password", "portal"))) {
            db.setAutoCommit(false);
            if (alreadyThere(db)) {
                System.out.println("The large data set is there already: nothing added.");
                return;
            }
            long started = System.nanoTime();
            new LargeDataSet().fill(db, companies, users);
            System.out.printf("Added %,d companies and %,d users in %.1f s.%n", companies, users,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static boolean alreadyThere(Connection db) throws SQLException {
        try (var statement = db.prepareStatement("select count(*) from company where id >= ?")) {
            statement.setLong(1, FIRST_ID);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }

    void fill(Connection db, int companyCount, int userCount) throws SQLException {
        Random random = new Random(20261128L);
        Timestamp now = Timestamp.from(Instant.now());
        int accounts = (companyCount + COMPANIES_PER_ACCOUNT - 1) / COMPANIES_PER_ACCOUNT;
        long accountIds = FIRST_ID;
        long companyIds = FIRST_ID + 1_000_000;
        long userIds = FIRST_ID + 2_000_000;
        long grantIds = FIRST_ID + 10_000_000;
        try (PreparedStatement account = db.prepareStatement(
                "insert into customer_account (id, name, kind, created_at, version) values (?, ?, 'CLIENT', ?, 0)");
             PreparedStatement admin = db.prepareStatement(
                     "insert into customer_account_admin (customer_account_id, user_account_id) values (?, ?)");
             PreparedStatement company = db.prepareStatement("""
                     insert into company (id, customer_account_id, legal_name, legal_name_key, legal_form, siren, siret,
                         vat_number, address_line, postal_code, city, country, contact_email, contact_phone,
                         billing_mode, accounting_firm_id, version)
                     values (?, ?, ?, ?, 'SARL', ?, ?, ?, ?, ?, ?, 'FR', ?, NULL, ?, ?, 0)""");
             PreparedStatement user = db.prepareStatement("""
                     insert into user_account (id, email, email_key, first_name, last_name, first_name_key,
                         last_name_key, phone, language, status, password_hash, operator, created_at, version)
                     values (?, ?, ?, ?, ?, ?, ?, NULL, ?, 'ACTIVE', ?, FALSE, ?, 0)""");
             PreparedStatement member = db.prepareStatement(
                     "insert into company_membership (company_id, user_account_id) values (?, ?)");
             PreparedStatement configured = db.prepareStatement("""
                     insert into configured_application (id, company_id, application_id, start_date, end_date)
                     values (?, ?, ?, DATE '2026-01-01', NULL)""");
             PreparedStatement grant = db.prepareStatement("""
                     insert into access_grant (id, user_account_id, company_id, application_id, granted_by, granted_at)
                     values (?, ?, ?, ?, NULL, TIMESTAMP WITH TIME ZONE '2026-01-05 09:00:00+00:00')""")) {
            int sirenBase = 10_000_000;
            int usersPerCompany = Math.max(1, userCount / companyCount);
            int userNumber = 0;
            for (int a = 0; a < accounts; a++) {
                long accountId = accountIds++;
                account.setLong(1, accountId);
                account.setString(2, "Compte " + (a + 1));
                account.setTimestamp(3, now);
                account.addBatch();
                for (int c = 0; c < COMPANIES_PER_ACCOUNT && (a * COMPANIES_PER_ACCOUNT + c) < companyCount; c++) {
                    long companyId = companyIds++;
                    String siren = siren(sirenBase++);
                    String trade = TRADES[random.nextInt(TRADES.length)];
                    String name = trade + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)] + " " + companyId % 100_000;
                    String city = CITIES[random.nextInt(CITIES.length)];
                    boolean firmBilled = (companyId % 3) == 0;
                    company.setLong(1, companyId);
                    company.setLong(2, accountId);
                    company.setString(3, name);
                    company.setString(4, SearchKey.of(name));
                    company.setString(5, siren);
                    company.setString(6, siret(siren));
                    company.setString(7, CompanyIdentifiers.frenchVatNumber(siren));
                    company.setString(8, (c + 1) + " rue du Commerce");
                    company.setString(9, "69002");
                    company.setString(10, city);
                    company.setString(11, "contact." + companyId + "@bench.example");
                    company.setString(12, firmBilled ? "FIRM" : "DIRECT");
                    if (firmBilled) {
                        company.setLong(13, DEMO_FIRM);
                    } else {
                        company.setNull(13, java.sql.Types.BIGINT);
                    }
                    company.addBatch();
                    for (int i = 0; i < 3; i++) {
                        configured.setLong(1, grantIds++);
                        configured.setLong(2, companyId);
                        configured.setLong(3, APPLICATIONS[(int) ((companyId + i) % APPLICATIONS.length)]);
                        configured.addBatch();
                    }
                    for (int u = 0; u < usersPerCompany && userNumber < userCount; u++, userNumber++) {
                        long userId = userIds++;
                        boolean isAdmin = c == 0 && u == 0;
                        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                        String email = isAdmin ? "admin." + (a + 1) + "@bench.example"
                                : SearchKey.of(first) + "." + SearchKey.of(last).replace(' ', '-') + "." + userId
                                + "@bench.example";
                        user.setLong(1, userId);
                        user.setString(2, email);
                        user.setString(3, email);
                        user.setString(4, first);
                        user.setString(5, last);
                        user.setString(6, SearchKey.of(first));
                        user.setString(7, SearchKey.of(last));
                        user.setString(8, userId % 4 == 0 ? "en" : "fr");
                        user.setString(9, DEMO_PASSWORD_HASH);
                        user.setTimestamp(10, now);
                        user.addBatch();
                        member.setLong(1, companyId);
                        member.setLong(2, userId);
                        member.addBatch();
                        if (isAdmin) {
                            admin.setLong(1, accountId);
                            admin.setLong(2, userId);
                            admin.addBatch();
                        }
                        for (int g = 0; g < 2; g++) {
                            grant.setLong(1, grantIds++);
                            grant.setLong(2, userId);
                            grant.setLong(3, companyId);
                            grant.setLong(4, APPLICATIONS[(int) ((companyId + g) % APPLICATIONS.length)]);
                            grant.addBatch();
                        }
                    }
                }
                if (a % 100 == 99 || a == accounts - 1) {
                    // Parents before children: the foreign keys are checked statement by statement.
                    for (PreparedStatement batch : new PreparedStatement[]{account, company, configured, user, member,
                            admin, grant}) {
                        batch.executeBatch();
                    }
                    db.commit();
                    System.out.printf("%,d / %,d companies%n", Math.min(companyCount, (a + 1) * COMPANIES_PER_ACCOUNT),
                            companyCount);
                }
            }
        }
        try (var statement = db.createStatement()) {
            // The portal's own ids come from domain_seq: move it past everything added here.
            statement.execute("ALTER SEQUENCE domain_seq RESTART WITH " + (FIRST_ID + 100_000_000));
        }
        db.commit();
    }

    /** A valid SIREN: eight digits and the Luhn key. */
    static String siren(int base) {
        String digits = String.format("%08d", base);
        for (int key = 0; key <= 9; key++) {
            String candidate = digits + key;
            try {
                return CompanyIdentifiers.siren(candidate);
            } catch (RuntimeException notValid) {
                // the next key
            }
        }
        throw new IllegalStateException("no Luhn key for " + digits);
    }

    /** The SIRET of the head office: the SIREN, 0001 and the key that makes the fourteen digits valid. */
    static String siret(String siren) {
        for (int key = 0; key <= 9; key++) {
            String candidate = siren + "0001" + key;
            try {
                return CompanyIdentifiers.siret(candidate, siren);
            } catch (RuntimeException notValid) {
                // the next key
            }
        }
        throw new IllegalStateException("no SIRET key for " + siren);
    }
}
