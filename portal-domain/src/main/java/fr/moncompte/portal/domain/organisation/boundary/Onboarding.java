package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.SearchKey;
import fr.moncompte.portal.domain.account.control.LinkIssuing;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.organisation.control.CompanyInvitationIssuing;
import fr.moncompte.portal.domain.organisation.control.OnboardingChecks;
import fr.moncompte.portal.domain.organisation.entity.AccountKind;
import fr.moncompte.portal.domain.organisation.entity.AccountingFirm;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Back-office › Clients (issue 21): operators bring customers in. A new client is a customer account (its name, the
 * language of its invoices, the address they are mailed to) with its first company, billed DIRECT, and its first
 * administrator, who is invited to choose a password; companies are added to an account later; an accounting firm is
 * its own customer account with its first administrator. Operators find any account, firm, company or person by
 * name, SIREN or e-mail. Everything is audited; pages and the API both go through here.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class Onboarding {

    static final String ACCOUNT = "CUSTOMER_ACCOUNT";
    static final String COMPANY = "COMPANY";
    static final String FIRM = "ACCOUNTING_FIRM";
    /** How many of each kind a search shows. */
    static final int HITS = 10;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    @Inject
    LinkIssuing links;

    @Inject
    CompanyInvitationIssuing invitations;

    /**
     * Creates a client: its account, its first company and its first administrator, in one transaction. A new
     * administrator is invited (USER_INVITED, a link valid 7 days); an address that is a login already is asked to
     * join the company as its administrator (COMPANY_INVITATION), and becomes one on accepting.
     *
     * @throws FieldsRefused every field refused at once; {@code onboarding.siren.taken} when a company has the SIREN,
     *                       {@code onboarding.administrator.operator} for an operator's address
     */
    public Onboarded createCustomer(NewCustomer typed, String sourceAddress) {
        NewCustomer checked = OnboardingChecks.check(typed);
        refuseTakenSiren(checked.company().siren());
        Optional<UserAccount> existing = person(checked.administrator().email());
        refuseOperator(existing);
        long caller = callerId();
        CustomerAccount account = new CustomerAccount(checked.name(), AccountKind.CLIENT, checked.billingLanguage(),
                checked.billingEmail(), clock.instant());
        em.persist(account);
        Company company = new Company(account, checked.company().siren(), checked.company().details());
        em.persist(company);
        flushOrTaken();
        audit.record(caller, "CUSTOMER_ACCOUNT_CREATED", ACCOUNT, account.getId(), null, account.describe(),
                sourceAddress);
        audit.record(caller, "COMPANY_CREATED", COMPANY, company.getId(), null,
                "account=" + account.getId() + ", siren=" + company.getSiren() + ", " + company.describe(),
                sourceAddress);
        if (existing.isPresent()) {
            invitations.invite(existing.get(), company, caller, true, Set.of(), sourceAddress);
            return new Onboarded(account.getId(), company.getId(), null, existing.get().getId(), true);
        }
        UserAccount administrator = invite(checked.administrator(), account, caller, sourceAddress);
        company.addMember(administrator);
        return new Onboarded(account.getId(), company.getId(), null, administrator.getId(), false);
    }

    /**
     * Adds a company, billed DIRECT, to a client's account; its administrators administer it at once.
     *
     * @throws NotFound     no such client account (a firm's account has no companies of its own)
     * @throws FieldsRefused every field refused at once; {@code onboarding.siren.taken}
     */
    public Company addCompany(long accountId, NewCompany typed, String sourceAddress) {
        CustomerAccount account = em.find(CustomerAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.getKind() != AccountKind.CLIENT) {
            throw new NotFound();
        }
        if (account.isClosed()) {
            throw new PortalException("closing.closed");
        }
        NewCompany checked = OnboardingChecks.check(typed);
        refuseTakenSiren(checked.siren());
        Company company = new Company(account, checked.siren(), checked.details());
        em.persist(company);
        flushOrTaken();
        account.getAdministrators().forEach(company::addMember);
        audit.record(callerId(), "COMPANY_CREATED", COMPANY, company.getId(), null,
                "account=" + account.getId() + ", siren=" + company.getSiren() + ", " + company.describe(),
                sourceAddress);
        return company;
    }

    /**
     * Creates an accounting firm on its own customer account, with its first administrator, invited.
     *
     * @throws FieldsRefused every field refused at once; {@code onboarding.firmSiren.taken} when a firm has the
     *                       SIREN; {@code onboarding.administrator.taken} for an address that is a login already (a
     *                       firm's staff sign in with the firm's address)
     */
    public Onboarded createFirm(NewFirm typed, String sourceAddress) {
        NewFirm checked = OnboardingChecks.check(typed);
        boolean taken = !em.createQuery("select f.id from AccountingFirm f where f.siren = :siren", Long.class)
                .setParameter("siren", checked.siren()).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new FieldsRefused(List.of(new Problem("siren", "onboarding.firmSiren.taken")));
        }
        Optional<UserAccount> existing = person(checked.administrator().email());
        refuseOperator(existing);
        if (existing.isPresent()) {
            throw new FieldsRefused(List.of(new Problem("email", "onboarding.administrator.taken")));
        }
        long caller = callerId();
        CustomerAccount account = new CustomerAccount(checked.name(), AccountKind.FIRM, checked.billingLanguage(),
                checked.contactEmail(), clock.instant());
        em.persist(account);
        AccountingFirm firm = new AccountingFirm(account, checked.name(), checked.siren(), checked.vatNumber(),
                checked.addressLine(), checked.postalCode(), checked.city(), checked.contactEmail());
        em.persist(firm);
        flushOrTaken();
        audit.record(caller, "CUSTOMER_ACCOUNT_CREATED", ACCOUNT, account.getId(), null, account.describe(),
                sourceAddress);
        audit.record(caller, "ACCOUNTING_FIRM_CREATED", FIRM, firm.getId(), null,
                "account=" + account.getId() + ", " + firm.describe(), sourceAddress);
        UserAccount administrator = invite(checked.administrator(), account, caller, sourceAddress);
        return new Onboarded(account.getId(), null, firm.getId(), administrator.getId(), false);
    }

    /**
     * Another administrator for an account, a firm's above all (its people belong to no company of its own, so
     * nobody could appoint them otherwise): a new person, invited, who administers the account (and, for a client,
     * is a member of its companies).
     *
     * @throws NotFound      no such account
     * @throws FieldsRefused every field refused at once; {@code onboarding.administrator.taken} for an address that is
     *                       a login already (on a client's account, its administrators invite such a person to a
     *                       company as administrator), {@code onboarding.administrator.operator}
     * @throws PortalException {@code closing.closed}
     */
    public long addAdministrator(long accountId, NewAdministrator typed, String sourceAddress) {
        CustomerAccount account = em.find(CustomerAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new NotFound();
        }
        if (account.isClosed()) {
            throw new PortalException("closing.closed");
        }
        NewAdministrator checked = OnboardingChecks.check(typed);
        Optional<UserAccount> existing = person(checked.email());
        refuseOperator(existing);
        if (existing.isPresent()) {
            throw new FieldsRefused(List.of(new Problem("email", "onboarding.administrator.taken")));
        }
        UserAccount administrator = invite(checked, account, callerId(), sourceAddress);
        em.createQuery("select c from Company c where c.customerAccount = :account", Company.class)
                .setParameter("account", account).getResultList().forEach(company -> company.addMember(administrator));
        return administrator.getId();
    }

    /** Accounts, firms, companies and people whose name starts with {@code search}, or SIREN, or e-mail. */
    public List<ClientHit> find(String search) {
        // Control characters match nothing, and PostgreSQL refuses a NUL in a parameter: they go first.
        String typed = search == null ? "" : search.replaceAll("\\p{Cntrl}", "").strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        String digits = typed.replaceAll("[\\s.]", "");
        String sirenPattern = digits.matches("\\d{1,9}") ? digits + "%" : "-";
        String name = SearchKey.prefixPattern(typed);
        String anyCase = "%" + typed.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<ClientHit> hits = new ArrayList<>();
        em.createQuery("""
                        select a from CustomerAccount a where a.kind = :client and lower(a.name) like :anyCase escape '\\'
                        order by a.name, a.id""", CustomerAccount.class)
                .setParameter("client", AccountKind.CLIENT).setParameter("anyCase", anyCase).setMaxResults(HITS)
                .getResultList().forEach(a -> hits.add(new ClientHit(ClientHit.Kind.ACCOUNT, a.getId(), a.getName(),
                        a.getBillingEmail(), a.getId())));
        em.createQuery("""
                        select f from AccountingFirm f where lower(f.name) like :anyCase escape '\\' or f.siren like :siren
                        order by f.name, f.id""", AccountingFirm.class)
                .setParameter("anyCase", anyCase).setParameter("siren", sirenPattern).setMaxResults(HITS)
                .getResultList().forEach(f -> hits.add(new ClientHit(ClientHit.Kind.FIRM, f.getId(), f.getName(),
                        f.getSiren(), f.getCustomerAccount().getId())));
        em.createQuery("""
                        select c from Company c where c.legalNameKey like :name escape '\\' or c.siren like :siren
                        or lower(c.customerAccount.name) like :anyCase escape '\\'
                        order by c.legalNameKey, c.id""", Company.class)
                .setParameter("name", name).setParameter("siren", sirenPattern).setParameter("anyCase", anyCase)
                .setMaxResults(HITS).getResultList()
                .forEach(c -> hits.add(new ClientHit(ClientHit.Kind.COMPANY, c.getId(), c.getLegalName(),
                        c.getSiren() + " · " + c.getCustomerAccount().getName(), c.getCustomerAccount().getId())));
        em.createQuery("""
                        select u from UserAccount u where u.erasedAt is null and (u.lastNameKey like :name escape '\\'
                        or u.firstNameKey like :name escape '\\' or u.emailKey like :email escape '\\')
                        order by u.lastNameKey, u.firstNameKey, u.id""", UserAccount.class)
                .setParameter("name", name).setParameter("email", SearchKey.prefixPattern(typed))
                .setMaxResults(HITS).getResultList()
                .forEach(u -> hits.add(new ClientHit(ClientHit.Kind.PERSON, u.getId(),
                        u.getFirstName() + " " + u.getLastName(), u.getEmail(), null)));
        return hits;
    }

    /** @throws NotFound no such account */
    public CustomerAccount account(long accountId) {
        CustomerAccount account = em.find(CustomerAccount.class, accountId);
        if (account == null) {
            throw new NotFound();
        }
        return account;
    }

    /** The firm whose customer account this is, if it is a firm's. */
    public Optional<AccountingFirm> firmOf(long accountId) {
        return em.createQuery("select f from AccountingFirm f where f.customerAccount.id = :account",
                AccountingFirm.class).setParameter("account", accountId).getResultStream().findFirst();
    }

    /** The companies of a client account, and for a firm's account the companies it is the firm of, by name. */
    public List<Company> companiesOf(long accountId) {
        return em.createQuery("""
                        select c from Company c left join c.accountingFirm f where c.customerAccount.id = :account
                        or f.customerAccount.id = :account order by c.legalNameKey, c.id""",
                Company.class).setParameter("account", accountId).getResultList();
    }

    /** Every accounting firm, by name (a billing move names one). */
    public List<AccountingFirm> firms() {
        return em.createQuery("select f from AccountingFirm f order by f.name, f.id", AccountingFirm.class)
                .getResultList();
    }

    private UserAccount invite(NewAdministrator who, CustomerAccount account, long caller, String sourceAddress) {
        UserAccount administrator = UserAccount.invited(who.email(), who.firstName(), who.lastName(), who.language(),
                clock.instant());
        em.persist(administrator);
        try {
            em.flush();
        } catch (PersistenceException taken) {
            // Someone took the address at the same moment: the operator tries again and finds it is a login.
            throw new PortalException("users.createAgain");
        }
        account.addAdministrator(administrator);
        audit.record(caller, "USER_CREATED", UserAccount.AUDIT_TARGET, administrator.getId(), null,
                "email=" + administrator.getEmail() + ", account=" + account.getId() + ", administrator=true",
                sourceAddress);
        links.invitation(administrator, caller, sourceAddress);
        return administrator;
    }

    private Optional<UserAccount> person(String email) {
        return em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(email)).getResultStream().findFirst();
    }

    private static void refuseOperator(Optional<UserAccount> existing) {
        if (existing.isPresent() && existing.get().isOperator()) {
            throw new FieldsRefused(List.of(new Problem("email", "onboarding.administrator.operator")));
        }
    }

    private void refuseTakenSiren(String siren) {
        boolean taken = !em.createQuery("select c.id from Company c where c.siren = :siren", Long.class)
                .setParameter("siren", siren).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new FieldsRefused(List.of(new Problem("siren", "onboarding.siren.taken")));
        }
    }

    /** Two operators creating the same SIREN at once: the unique key decides, here, not at commit. */
    private void flushOrTaken() {
        try {
            em.flush();
        } catch (PersistenceException taken) {
            throw new FieldsRefused(List.of(new Problem("siren", "onboarding.siren.taken")));
        }
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
