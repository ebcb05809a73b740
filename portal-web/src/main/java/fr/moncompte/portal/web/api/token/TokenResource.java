package fr.moncompte.portal.web.api.token;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.boundary.SignedIn;
import fr.moncompte.portal.domain.account.boundary.TooManyAttempts;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.secondfactor.boundary.SecondStep;
import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.domain.token.TokenSettings;
import fr.moncompte.portal.web.api.ApiLanguage;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import fr.moncompte.portal.web.api.Problems;
import fr.moncompte.portal.web.api.v1.MeResource;
import fr.moncompte.portal.web.security.ClientAddress;
import fr.moncompte.portal.web.security.PortalIdentityStore;
import fr.moncompte.portal.web.security.SecondStepCredential;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/v1/auth/token}: e-mail and password for a token. The credential goes through the very sign-in of
 * the pages ({@code SecurityContext.authenticate}, the identity store, the lockout), so the answers are the same:
 * one neutral sentence whatever went wrong, and five wrong passwords lock the account here as there.
 */
@Path("auth/token")
@Tag(name = "Tokens")
public class TokenResource {

    @Inject
    Clock clock;

    /**
     * The session the token was issued to: it shows in "Sécurité" like a browser's, and the token works as long as
     * that session is open (see {@link StandingTokens}).
     */
    public static final String SESSION_CLAIM = "sid";

    /** What the caller sends. */
    public record Credentials(String email, String password,
                              @Schema(description = "For an account with a second factor: the current code of its"
                                      + " authenticator app, or one of its recovery codes") String otp) {
    }

    /** A token, as OAuth 2.0 names its parts (RFC 6749 §5.1). */
    public record IssuedToken(@JsonbProperty("access_token") @Schema(name = "access_token") String accessToken,
                              @JsonbProperty("token_type") @Schema(name = "token_type", example = "Bearer")
                              String tokenType,
                              @JsonbProperty("expires_in") @Schema(name = "expires_in", example = "900")
                              long expiresIn,
                              @JsonbProperty("expires_at") @Schema(name = "expires_at") Instant expiresAt) {
    }

    @Inject
    SecurityContext security;

    @Inject
    TokenIssuer issuer;

    @Inject
    JsonWebToken jwt;

    @EJB
    Accounts accounts;

    @EJB
    Sessions sessions;

    @EJB
    SecondStep secondStep;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a token (15 minutes) for an e-mail and password",
            description = "The token is an RS256 JWT whose claims are those of MicroProfile JWT (iss, sub, upn, groups,"
                    + " exp, iat, jti) plus email, locale and 'companies': the applications the user may open on each"
                    + " company. Its keys are published at /.well-known/jwks.json. Five wrong passwords in 15 minutes"
                    + " lock the account for 15 minutes, as on the sign-in page.")
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    @APIResponse(responseCode = "400",
            description = "No e-mail or password (api.body.invalid, api.credentials.missing)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "signin.tooManyFromAddress or signin.busy: refused before the"
            + " password was looked at (too many attempts from this address in the minute, or the server already checking"
            + " as many passwords as it can); Retry-After says when to try again. Nothing counts against the account.",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "signin.failed: wrong e-mail or password, a wrong or used code,"
            + " or account unavailable (locked, disabled, invited): one answer for all; signin.codeRequired: the"
            + " password is right and the account has a second factor, send its code in 'otp'",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "signin.enrolmentRequired: the password is right, and the account"
            + " must use a second factor (an operator, or a customer account that requires one) but has none yet: it"
            + " is added in Mon compte › Sécurité after signing in on the pages",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response token(Credentials credentials) {
        if (credentials == null || credentials.email() == null || credentials.email().isBlank()
                || credentials.password() == null || credentials.password().isEmpty()) {
            throw new InvalidRequest("api.credentials.missing");
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(credentials.email().strip(), credentials.password())));
        Optional<TooManyAttempts> tooMany = PortalIdentityStore.refusalOf(request);
        if (status != AuthenticationStatus.SUCCESS && tooMany.isPresent()) {
            TooManyAttempts refused = tooMany.get();
            return Response.fromResponse(Problems.answer(Problems.problem(ApiLanguage.of(headers), 429,
                            refused.messageKey(), request.getRequestURI(), null, refused.retryAfterSeconds())))
                    .header("Retry-After", refused.retryAfterSeconds()).build();
        }
        Optional<SignedIn> pending = PortalIdentityStore.secondStepOf(request);
        if (status != AuthenticationStatus.SUCCESS && pending.isPresent()) {
            // The password matched an account with a second factor: the code comes in the same request.
            if (credentials.otp() == null || credentials.otp().isBlank()) {
                return Problems.answer(Problems.problem(ApiLanguage.of(headers), 401, "signin.codeRequired",
                        request.getRequestURI(), null));
            }
            Optional<SignedIn> signedIn = secondStep.verify(pending.get().pendingAttempt(), credentials.otp(),
                    ClientAddress.of(request));
            status = signedIn.isEmpty() ? AuthenticationStatus.SEND_FAILURE
                    : security.authenticate(request, response, AuthenticationParameters.withParams()
                            .credential(new SecondStepCredential(signedIn.get())));
        }
        if (status != AuthenticationStatus.SUCCESS) {
            return Problems.answer(Problems.problem(ApiLanguage.of(headers), 401, "signin.failed",
                    request.getRequestURI(), null));
        }
        if (PortalIdentityStore.mustEnrol(request)) {
            // The account must use a second factor and has none: it is added on the pages, never skipped here.
            return Problems.answer(Problems.problem(ApiLanguage.of(headers), 403, "signin.enrolmentRequired",
                    request.getRequestURI(), null));
        }
        String sessionId = sessions.start(ClientAddress.of(request), request.getHeader("User-Agent"));
        TokenIssuer.Token token = issuer.issue(claims().add(SESSION_CLAIM, sessionId), clock.instant());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new IssuedToken(token.value(), "Bearer", TokenSettings.LIFETIME.toSeconds(),
                token.expiresAt())).cacheControl(noStore).build();
    }

    /** Signs the token out: the session it was issued to ends, and with it the token, at once. */
    @DELETE
    @RolesAllowed(Roles.USER)
    @Operation(summary = "Sign out: end the session this token was issued to",
            description = "The token (and any other issued to the same session) is refused from then on, as after"
                    + " \"end the other sessions\" in Sécurité, a password change or the account's being disabled.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void signOut() {
        String sessionId = jwt.getClaim(SESSION_CLAIM);
        if (sessionId != null) {
            sessions.end(sessionId, request.getRemoteAddr());
        }
    }

    /**
     * The signed-in caller's claims. The principal's name ({@code upn}, and {@code sub}) is the account id, as for
     * the pages: it does not change when the person changes their e-mail, which {@code email} carries.
     */
    private JsonObjectBuilder claims() {
        UserAccount account = accounts.current();
        String id = Long.toString(account.getId());
        JsonArrayBuilder groups = Json.createArrayBuilder();
        for (String role : new String[]{Roles.USER, Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR}) {
            if (security.isCallerInRole(role)) {
                groups.add(role);
            }
        }
        JsonArrayBuilder companies = Json.createArrayBuilder();
        for (MeResource.CompanyApplications company : MeResource.CompanyApplications.of(accounts.currentAccess())) {
            companies.add(Json.createObjectBuilder()
                    .add("id", company.companyId())
                    .add("name", company.companyName())
                    .add("applications", Json.createArrayBuilder(company.applications())));
        }
        return Json.createObjectBuilder()
                .add("sub", id)
                .add("upn", id)
                .add("groups", groups)
                .add("email", account.getEmail())
                .add("given_name", account.getFirstName())
                .add("family_name", account.getLastName())
                .add("locale", account.getLanguage().name().toLowerCase(Locale.ROOT))
                .add("companies", companies);
    }
}
