package fr.moncompte.portal.domain.signon.boundary;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.signon.control.RedirectUris;
import fr.moncompte.portal.domain.Secrets;
import fr.moncompte.portal.domain.signon.entity.ClientSettings;
import fr.moncompte.portal.domain.signon.entity.SignOnClient;
import fr.moncompte.portal.domain.signon.entity.SignOnClient.AuthMethod;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The OpenID Connect clients of the catalogue's applications, managed by operators in the back-office (issue 22): one
 * per application, its client id the application's code in lower case. A secret is made by the portal, shown once
 * and kept as its SHA-256; making a new one ends the old one at once. Every change is audited.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class SignOnClients {

    static final String TARGET = "OIDC_CLIENT";
    private static final int MOST_ADDRESSES = 10;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** An application of the catalogue and its client, when it has one. */
    public record Row(Application application, SignOnClient client) {
    }

    /** A client and its secret, which is shown this once. */
    public record WithSecret(SignOnClient client, String secret) {
    }

    /** Every application by code, with its client. */
    public List<Row> all() {
        var clients = em.createQuery("select c from SignOnClient c", SignOnClient.class).getResultStream()
                .collect(Collectors.toMap(c -> c.getApplication().getId(), Function.identity()));
        return em.createQuery("select a from Application a order by a.code", Application.class).getResultStream()
                .map(a -> new Row(a, clients.get(a.getId()))).toList();
    }

    /**
     * Registers the application's client; a secret is made when the client authenticates with one.
     *
     * @throws FieldsRefused an address or the keys are refused, or the application has a client already
     */
    public WithSecret create(long applicationId, ClientSettings typed, String sourceAddress) {
        Application application = em.find(Application.class, applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (application == null) {
            throw new NotFound();
        }
        ClientSettings settings = check(typed);
        if (!em.createQuery("select c from SignOnClient c where c.application = :a", SignOnClient.class)
                .setParameter("a", application).getResultList().isEmpty()) {
            throw new FieldsRefused(List.of(new Problem("application", "signon.client.exists")));
        }
        SignOnClient client = new SignOnClient(application.getCode().toLowerCase(Locale.ROOT), application, settings,
                clock.instant());
        String secret = null;
        if (settings.authMethod() != AuthMethod.PRIVATE_KEY_JWT) {
            secret = Secrets.random();
            client.newSecret(Secrets.hash(secret), clock.instant());
        }
        em.persist(client);
        try {
            em.flush();
        } catch (PersistenceException taken) {
            throw new FieldsRefused(List.of(new Problem("application", "signon.client.exists")));
        }
        audit.record(callerId(), "OIDC_CLIENT_CREATED", TARGET, client.getId(), null, describe(client),
                sourceAddress);
        return new WithSecret(client, secret);
    }

    /** @throws FieldsRefused an address or the keys are refused */
    public SignOnClient change(long id, ClientSettings typed, String sourceAddress) {
        SignOnClient client = find(id);
        ClientSettings settings = check(typed);
        String before = describe(client);
        client.change(settings);
        String after = describe(client);
        if (!before.equals(after)) {
            audit.record(callerId(), "OIDC_CLIENT_CHANGED", TARGET, id, before, after, sourceAddress);
        }
        return client;
    }

    /** A new secret, returned this once; the previous one stops working at once. */
    public WithSecret newSecret(long id, String sourceAddress) {
        SignOnClient client = find(id);
        String secret = Secrets.random();
        client.newSecret(Secrets.hash(secret), clock.instant());
        audit.record(callerId(), "OIDC_CLIENT_SECRET_ROTATED", TARGET, id, null, null, sourceAddress);
        return new WithSecret(client, secret);
    }

    /** The client a protocol request names by its client id: called by the endpoints, before anyone signs in. */
    @PermitAll
    public Optional<SignOnClient> byClientId(String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("select c from SignOnClient c join fetch c.application where c.clientId = :id",
                SignOnClient.class).setParameter("id", clientId).getResultStream().findFirst();
    }

    private SignOnClient find(long id) {
        SignOnClient client = em.find(SignOnClient.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (client == null) {
            throw new NotFound();
        }
        return client;
    }

    /** The settings as they will be kept: addresses trimmed, each checked; the keys parsed when they are needed. */
    static ClientSettings check(ClientSettings typed) {
        List<Problem> problems = new ArrayList<>();
        List<String> redirects = addresses(typed.redirectUris(), "redirectUris", problems);
        if (redirects.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("redirectUris", "signon.redirectUris.required"));
        }
        List<String> postLogout = addresses(typed.postLogoutRedirectUris(), "postLogoutRedirectUris", problems);
        String backchannel = address(typed.backchannelLogoutUri(), "backchannelLogoutUri", problems);
        String initiate = address(typed.initiateLoginUri(), "initiateLoginUri", problems);
        AuthMethod method = typed.authMethod() == null ? AuthMethod.CLIENT_SECRET_BASIC : typed.authMethod();
        String jwks = typed.jwks() == null || typed.jwks().isBlank() ? null : typed.jwks().strip();
        if (method == AuthMethod.PRIVATE_KEY_JWT) {
            if (jwks == null) {
                problems.add(new Problem("jwks", "signon.jwks.required"));
            } else {
                try {
                    List<JWK> keys = jwks.length() > 8000 ? List.of() : JWKSet.parse(jwks).getKeys();
                    if (keys.isEmpty() || keys.stream().anyMatch(JWK::isPrivate)) {
                        problems.add(new Problem("jwks", "signon.jwks.invalid"));
                    }
                } catch (ParseException e) {
                    problems.add(new Problem("jwks", "signon.jwks.invalid"));
                }
            }
        } else {
            jwks = null;
        }
        if (!problems.isEmpty()) {
            throw new FieldsRefused(problems);
        }
        return new ClientSettings(method, redirects, postLogout, backchannel, initiate, jwks);
    }

    private static List<String> addresses(List<String> typed, String field, List<Problem> problems) {
        List<String> kept = typed.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (kept.size() > MOST_ADDRESSES) {
            problems.add(new Problem(field, "signon.uri.tooMany"));
            return kept;
        }
        kept.stream().map(RedirectUris::problem).flatMap(Optional::stream).findFirst()
                .ifPresent(key -> problems.add(new Problem(field, key)));
        return kept;
    }

    private static String address(String typed, String field, List<Problem> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String kept = typed.strip();
        RedirectUris.problem(kept).ifPresent(key -> problems.add(new Problem(field, key)));
        return kept;
    }

    private static String describe(SignOnClient client) {
        ClientSettings s = client.settings();
        return "clientId=" + client.getClientId() + ", auth=" + s.authMethod().value() + ", redirects="
                + s.redirectUris() + ", postLogout=" + s.postLogoutRedirectUris() + ", backchannel="
                + s.backchannelLogoutUri() + ", initiate=" + s.initiateLoginUri() + ", keys="
                + (s.jwks() == null ? "none" : Secrets.hash(s.jwks()).substring(0, 12));
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
