package fr.moncompte.portal.domain.access.boundary;

import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.LimitReached;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.SearchKey;
import fr.moncompte.portal.domain.access.control.GrantableApplications;
import fr.moncompte.portal.domain.access.control.NewUserChecks;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.control.LinkIssuing;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.control.CompanyInvitationIssuing;
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
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The round "+" of "Utilisateurs": an administrator creates a user in a company where they may change users (SPEC §4
 * rule 3), with access to applications configured on it (rule 2), and the new user is sent an invitation with a
 * one-time link to choose a password; someone who has an account already is asked to join the company instead, and
 * the administrator cannot tell the two apart. Operators create nobody.
 */
@Stateless
@RolesAllowed({Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN})
public class UserCreation {

    /**
     * How many people one administrator may invite in an hour (new or not, 100 by default): each one mails an
     * address, maybe someone else's.
     */
    static final String INVITATIONS_PER_HOUR = "portal.users.invitations-per-hour";

    /** The audit actions that count as inviting someone. */
    static final List<String> INVITING = List.of("USER_CREATED", "COMPANY_INVITATION_SENT",
            "COMPANY_INVITATION_NOT_SENT");

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

    @Inject
    CompanyInvitationIssuing invitations;

    @Inject
    Config config;

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
     * Invites a person to the company. For a new address: creates the user as invited, member of the company, with the
     * chosen access (and as an administrator of the company's account if asked), audits it and sends the invitation
     * (USER_INVITED), all in one transaction; the access given at creation is in the invitation's audit event and
     * sends no ACCESS_GRANTED of its own, so that a new person gets one mail. For an address that is already a login:
     * its owner is asked to join the company and answers in Mon compte ({@link CompanyInvitationIssuing}). Either way
     * the caller gets the same answer (issue 19: no enumeration of accounts).
     *
     * @throws FieldsRefused   a field is missing or malformed, the caller's own address ({@code users.inviteYourself}),
     *                         or someone who is an active member of the company already ({@code users.alreadyMember})
     * @throws NotFound        the company is outside the caller's scope
     * @throws PortalException {@code users.createReadOnly} (rule 3), {@code access.notConfigured} (rule 2),
     *                         {@code users.roleNotYours} (an administrator asked for by someone who does not
     *                         administer the company's account), {@code users.tooManyInvitations} past the hourly
     *                         bound, {@code users.createAgain} when the same new address was created at the same moment
     */
    public Invited create(NewUser typed, String sourceAddress) {
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
        if (invitedInTheLastHour(caller.id()) >= invitationsPerHour()) {
            throw new LimitReached("users.tooManyInvitations", invitationsPerHour());
        }
        TreeSet<String> codes = new TreeSet<>(checked.applications());
        Optional<UserAccount> existing = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(checked.email())).getResultStream().findFirst();
        if (existing.isPresent()) {
            UserAccount person = existing.get();
            if (person.getId() == caller.id()) {
                throw new FieldsRefused(List.of(new Problem("email", "users.inviteYourself")));
            }
            if (scope.isMember(company.getId(), person.getId())) {
                if (person.getStatus() != AccountStatus.INVITED) {
                    // The caller sees the company's members already: this tells them nothing new.
                    throw new FieldsRefused(List.of(new Problem("email", "users.alreadyMember")));
                }
                // Someone this company invited who has not chosen a password yet (just created, maybe): asked
                // again, they get a new link, as an address with an account gets its invitation again.
                audit.record(caller.id(), "COMPANY_INVITATION_SENT", UserAccount.AUDIT_TARGET, person.getId(), null,
                        "company=" + company.getId() + ", again=true", sourceAddress);
                links.invitation(person, caller.id(), sourceAddress);
            } else {
                invitations.invite(person, company, caller.id(), checked.administrator(), codes, sourceAddress);
            }
        } else {
            createInvited(caller, company, checked, codes, configured, sourceAddress);
        }
        return new Invited(checked.email(), company.getId(), company.getLegalName(), codes, checked.administrator());
    }

    private void createInvited(Caller caller, Company company, NewUser checked, TreeSet<String> codes,
                               Map<String, ConfiguredApplication> configured, String sourceAddress) {
        Instant now = clock.instant();
        UserAccount user = UserAccount.invited(checked.email(), checked.firstName(), checked.lastName(),
                checked.language(), now);
        em.persist(user);
        try {
            // Two administrators creating the same address at once: the unique login decides, here, not at commit.
            // The one who loses is asked to try again, which then invites the account just made: same answer.
            em.flush();
        } catch (PersistenceException taken) {
            throw new PortalException("users.createAgain");
        }
        company.addMember(user);
        if (checked.administrator()) {
            company.getCustomerAccount().addAdministrator(user);
        }
        codes.forEach(code -> em.persist(new AccessGrant(user, company, configured.get(code).getApplication(),
                caller.id(), now)));
        audit.record(caller.id(), "USER_CREATED", UserAccount.AUDIT_TARGET, user.getId(), null,
                "email=" + user.getEmail() + ", company=" + company.getId() + ", administrator="
                        + checked.administrator() + ", applications=" + String.join(",", codes), sourceAddress);
        links.invitation(user, caller.id(), sourceAddress);
    }

    /** People the caller invited (new or existing) within the hour, as the audit log has them. */
    private long invitedInTheLastHour(long callerId) {
        return em.createQuery("""
                        select count(e) from AuditEvent e where e.actorId = :actor and e.action in :actions
                        and e.occurredAt > :since""", Long.class)
                .setParameter("actor", callerId).setParameter("actions", INVITING)
                .setParameter("since", Instant.now(Clock.systemUTC()).minus(Duration.ofHours(1)))
                .getSingleResult();
    }

    private int invitationsPerHour() {
        return config.getOptionalValue(INVITATIONS_PER_HOUR, Integer.class).filter(n -> n > 0).orElse(100);
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

}
