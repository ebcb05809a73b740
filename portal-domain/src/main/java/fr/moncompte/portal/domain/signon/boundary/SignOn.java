package fr.moncompte.portal.domain.signon.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.organisation.control.Reach;
import fr.moncompte.portal.domain.organisation.control.Scope;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import fr.moncompte.portal.domain.session.entity.UserSession;
import fr.moncompte.portal.domain.Secrets;
import fr.moncompte.portal.domain.signon.entity.AuthorizationCode;
import fr.moncompte.portal.domain.signon.entity.SignOnClient;
import fr.moncompte.portal.domain.signon.entity.SignOnLogin;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The person's side of single sign-on (issue 22): which companies they may open an application for, who can grant
 * it where they may not, and the authorization code that sends them into the application for the company chosen.
 * Access decides, here and nowhere else: a current grant of that application on that company (SPEC §2).
 */
@Stateless
@RolesAllowed(Roles.USER)
public class SignOn {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A company the person may open the application for. */
    public record Choice(long companyId, String name, String siren) implements java.io.Serializable {
    }

    /** One of the person's companies, and the people who can grant them the application there. */
    public record Granters(String company, List<String> names) implements java.io.Serializable {

        /** The names, comma-separated. */
        public String joined() {
            return String.join(", ", names);
        }
    }

    /** An application the person may open for a company, and where its sign-in starts (null: not given). */
    public record Openable(long companyId, String companyName, String applicationCode, String nameFr, String nameEn,
                           String clientId, String initiateLoginUri) implements java.io.Serializable {
    }

    /** The companies the caller holds the client's application on, by name. */
    public List<Choice> companiesFor(String clientId) {
        return companiesFor(client(clientId));
    }

    private List<Choice> companiesFor(SignOnClient client) {
        return em.createQuery("""
                        select g from AccessGrant g join fetch g.company
                        where g.user.id = :me and g.application = :application and g.revokedAt is null
                        order by g.company.legalName""", AccessGrant.class)
                .setParameter("me", callerId()).setParameter("application", client.getApplication())
                .getResultStream().map(g -> new Choice(g.getCompany().getId(), g.getCompany().getLegalName(),
                        g.getCompany().getSiren())).distinct().toList();
    }

    /**
     * For each company the caller belongs to, the active people who can grant access there (SPEC §4 rule 3): the
     * administrators of its account when it is billed directly, of its accounting firm when billed through one.
     */
    public List<Granters> grantersFor() {
        return em.createQuery("select c from Company c join c.members m where m.id = :me order by c.legalName",
                        Company.class).setParameter("me", callerId()).getResultStream()
                .map(c -> new Granters(c.getLegalName(), administratorsOf(c).stream()
                        .filter(u -> u.getStatus() == AccountStatus.ACTIVE)
                        .sorted(Comparator.comparing(UserAccount::getLastName).thenComparing(UserAccount::getFirstName))
                        .map(u -> u.getFirstName() + " " + u.getLastName()).toList()))
                .toList();
    }

    /** Every application the caller may open, company by company, with the sign-in address of its client. */
    public List<Openable> openable() {
        return em.createQuery("""
                        select g, c from AccessGrant g, SignOnClient c
                        where c.application = g.application and g.user.id = :me and g.revokedAt is null
                        order by g.company.legalName, g.application.code""", Object[].class)
                .setParameter("me", callerId()).getResultStream().map(row -> {
                    AccessGrant g = (AccessGrant) row[0];
                    SignOnClient c = (SignOnClient) row[1];
                    return new Openable(g.getCompany().getId(), g.getCompany().getLegalName(),
                            g.getApplication().getCode(), g.getApplication().getNameFr(),
                            g.getApplication().getNameEn(), c.getClientId(), c.getInitiateLoginUri());
                }).toList();
    }

    /**
     * Sends the caller into the application for that company: checks the access again (it may have been revoked
     * while the page was open), opens the sign-in (or goes on with the one this portal session has there) and
     * returns a code that works once, for five minutes, with the PKCE verifier of {@code codeChallenge} (S256).
     *
     * @param portalSessionId the caller's portal session, which the sign-in hangs on
     * @throws PortalException {@code signon.denied}: no current access there
     */
    public String issueCode(String clientId, long companyId, String redirectUri, String codeChallenge, String nonce,
                            String scope, String portalSessionId) {
        SignOnClient client = client(clientId);
        long me = callerId();
        if (companiesFor(client).stream().noneMatch(c -> c.companyId() == companyId)) {
            throw new PortalException("signon.denied");
        }
        UserSession portal = portalSessionId == null ? null : em.find(UserSession.class, portalSessionId);
        if (portal == null || portal.getAccountId() != me || portal.getEndedAt() != null) {
            throw new PortalException("signon.session.ended");
        }
        Instant now = clock.instant();
        SignOnLogin login = em.createQuery("""
                        select l from SignOnLogin l where l.sessionId = :session and l.client = :client
                        and l.company.id = :company and l.endedAt is null and l.startedAt > :startedAfter""",
                        SignOnLogin.class)
                .setParameter("session", portalSessionId).setParameter("client", client)
                .setParameter("company", companyId).setParameter("startedAfter", now.minus(SignOnLogin.LIFETIME))
                .getResultStream().findFirst().orElse(null);
        if (login == null) {
            login = new SignOnLogin(client, me, em.find(Company.class, companyId), portalSessionId, portal.handle(),
                    portal.getStartedAt(), now);
            em.persist(login);
            audit.record(me, "OIDC_SIGNED_IN", "COMPANY", companyId, null, "client=" + client.getClientId(), null);
        }
        String code = Secrets.random();
        em.persist(new AuthorizationCode(Secrets.hash(code), login, redirectUri, codeChallenge, nonce, scope, now));
        return code;
    }

    private SignOnClient client(String clientId) {
        return em.createQuery("select c from SignOnClient c where c.clientId = :id", SignOnClient.class)
                .setParameter("id", clientId).getResultStream().findFirst().orElseThrow(NotFound::new);
    }

    /** Who administers the company in the sense of rule 3: its firm's account when billed through it, else its own. */
    static java.util.Set<UserAccount> administratorsOf(Company company) {
        CustomerAccount account = company.getBillingMode() == BillingMode.FIRM && company.getAccountingFirm() != null
                ? company.getAccountingFirm().getCustomerAccount() : company.getCustomerAccount();
        return account.getAdministrators();
    }

    /** The person's role in the company: administrator through its firm, of its account, or user. */
    static String roleIn(EntityManager em, long accountId, Company company) {
        Reach reach = Scope.over(em).reach(new Scope.Caller(accountId, false));
        if (company.getAccountingFirm() != null && reach.firms().contains(company.getAccountingFirm().getId())) {
            return Roles.FIRM_ADMIN;
        }
        return reach.clientAccounts().contains(company.getCustomerAccount().getId()) ? Roles.CLIENT_ADMIN : Roles.USER;
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
