package fr.moncompte.portal.domain.access.boundary;

import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.SearchKey;
import fr.moncompte.portal.domain.access.control.GrantableApplications;
import fr.moncompte.portal.domain.access.control.NewUserChecks;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.control.LinkIssuing;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.control.Condition;
import fr.moncompte.portal.domain.organisation.control.Reach;
import fr.moncompte.portal.domain.organisation.control.Scope.Caller;
import fr.moncompte.portal.domain.organisation.control.Scope;
import fr.moncompte.portal.domain.organisation.entity.Company;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The round "+" of "Utilisateurs": an administrator creates a user in a company where they may change users (SPEC §4
 * rule 3), with access to applications configured on it (rule 2), and the new user is sent an invitation with a
 * one-time link to choose a password. Operators create nobody.
 */
@Stateless
@RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
public class UserCreation {

    /** How many companies the company field proposes at once. */
    static final int SUGGESTIONS = 20;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    @Inject
    LinkIssuing links;

    @Inject
    GrantableApplications grantable;

    /** The companies where the caller may create users whose name or SIREN starts with {@code search}, by name. */
    public List<Company> companies(String search) {
        String typed = search == null ? "" : search.strip();
        String digits = typed.replaceAll("[^0-9]", "");
        Condition changeable = scope.reach(Caller.of(session)).companiesChangeable("c");
        return changeable.bind(em.createQuery("""
                        select c from Company c
                        where (c.legalNameKey like :name escape '\\' or c.siren like :digits) and\s"""
                        + changeable.jpql() + " order by c.legalNameKey, c.id", Company.class)
                        .setParameter("name", SearchKey.prefixPattern(typed))
                        .setParameter("digits", digits.isEmpty() ? "-" : digits + "%"))
                .setMaxResults(SUGGESTIONS).getResultList();
    }

    /**
     * The applications a new user of this company can be given: those configured on it and not ended, by code.
     *
     * @throws NotFound        outside the caller's scope
     * @throws PortalException {@code users.createReadOnly} where the caller may not create users (rule 3)
     */
    public List<ConfiguredApplication> applications(long companyId) {
        changeableCompany(Caller.of(session), companyId);
        return grantable.on(companyId);
    }

    /**
     * Creates the user as invited, member of the company, with the chosen access (and as an administrator of the
     * company's account if asked), audits it and sends the invitation (USER_INVITED), all in one transaction. The
     * access given at creation is in the invitation's audit event; it sends no ACCESS_GRANTED of its own, so that a
     * new person gets one mail, the invitation.
     *
     * @throws FieldsRefused   a field is missing or malformed, or the e-mail address is already a login
     * @throws NotFound        the company is outside the caller's scope
     * @throws PortalException {@code users.createReadOnly} (rule 3), {@code access.notConfigured} (rule 2),
     *                         {@code users.roleNotYours} (an administrator asked for by someone who does not
     *                         administer the company's account)
     */
    public UserAccount create(NewUser typed, String sourceAddress) {
        Caller caller = Caller.of(session);
        Company company = changeableCompany(caller, typed.companyId());
        NewUser checked = NewUserChecks.check(typed);
        if (checked.administrator() && !company.getCustomerAccount().isAdministeredBy(caller.id())) {
            // A firm creates users for the companies it bills; who administers its client's account is the client's.
            throw new PortalException("users.roleNotYours");
        }
        Map<String, ConfiguredApplication> configured = applications(company.getId()).stream()
                .collect(Collectors.toMap(cfg -> cfg.getApplication().getCode(), Function.identity()));
        if (!configured.keySet().containsAll(checked.applications())) {
            throw new PortalException("access.notConfigured");
        }
        if (!em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(checked.email())).getResultList().isEmpty()) {
            throw emailTaken();
        }
        Instant now = clock.instant();
        UserAccount user = UserAccount.invited(checked.email(), checked.firstName(), checked.lastName(),
                checked.language(), now);
        em.persist(user);
        try {
            // Two administrators creating the same address at once: the unique login decides, here, not at commit.
            em.flush();
        } catch (PersistenceException taken) {
            throw emailTaken();
        }
        company.addMember(user);
        if (checked.administrator()) {
            company.getCustomerAccount().addAdministrator(user);
        }
        TreeSet<String> codes = new TreeSet<>(checked.applications());
        codes.forEach(code -> em.persist(new AccessGrant(user, company, configured.get(code).getApplication(),
                caller.id(), now)));
        audit.record(caller.id(), "USER_CREATED", UserAccount.AUDIT_TARGET, user.getId(), null,
                "email=" + user.getEmail() + ", company=" + company.getId() + ", administrator="
                        + checked.administrator() + ", applications=" + String.join(",", codes), sourceAddress);
        links.invitation(user, caller.id(), sourceAddress);
        return user;
    }

    /**
     * A company where the caller may create users.
     *
     * @throws NotFound        outside the caller's scope
     * @throws PortalException {@code users.createReadOnly} where the caller may only read (rule 3)
     */
    public Company company(long companyId) {
        return changeableCompany(Caller.of(session), companyId);
    }

    /** Whether the caller may make a new user of this company an administrator of its customer account. */
    public boolean mayAppointIn(long companyId) {
        Caller caller = Caller.of(session);
        return changeableCompany(caller, companyId).getCustomerAccount().isAdministeredBy(caller.id());
    }

    private Company changeableCompany(Caller caller, long companyId) {
        Reach reach = scope.reach(caller);
        Company company = scope.company(reach, companyId);
        if (!reach.mayChange(company)) {
            throw new PortalException("users.createReadOnly");
        }
        return company;
    }

    private static FieldsRefused emailTaken() {
        return new FieldsRefused(List.of(new Problem("email", "users.emailTaken")));
    }
}
