package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The people the tests lock, reset, invite, disable or rename, made for each test rather than taken from the demo
 * data: a test that changes someone changes nobody another test relies on. Runs inside the portal (PeopleProbe, or an
 * in-container test) in the caller's transaction.
 */
final class People {

    /** The password of every active person made here, as of the demo accounts. */
    static final String PASSWORD = "Portail-Demo-2026";

    private static final AtomicLong MADE = new AtomicLong();

    private People() {
    }

    /** What a test asks for: in which company, in which language, invited or active, at which e-mail domain. */
    record Wanted(long companyId, String firstName, String lastName, Language language, boolean active,
                  String emailDomain) {
    }

    /** Makes the person, a member of the company. */
    static UserAccount make(EntityManager em, PasswordHashing hashing, Wanted wanted) {
        Instant now = Instant.now();
        Company company = em.find(Company.class, wanted.companyId());
        if (company == null) {
            throw new IllegalArgumentException("No company " + wanted.companyId());
        }
        String email = (wanted.firstName() + "." + wanted.lastName()).toLowerCase().replaceAll("[^a-z0-9.]", "")
                + "." + Long.toString(System.currentTimeMillis(), 36) + MADE.incrementAndGet() + "@"
                + wanted.emailDomain();
        UserAccount person = UserAccount.invited(email, wanted.firstName(), wanted.lastName(), wanted.language(), now);
        if (wanted.active()) {
            person.activate(hashing.hash(PASSWORD), now);
        }
        em.persist(person);
        company.addMember(person);
        em.flush();
        return person;
    }
}
