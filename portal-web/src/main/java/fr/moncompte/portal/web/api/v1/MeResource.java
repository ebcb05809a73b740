package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.entity.AccountLink;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.organisation.boundary.CompanyInvitations;
import fr.moncompte.portal.domain.session.boundary.Sessions;
import fr.moncompte.portal.notifications.preference.boundary.NotificationPreferences;
import fr.moncompte.portal.notifications.preference.entity.Channel;
import fr.moncompte.portal.notifications.preference.entity.Delivery;
import fr.moncompte.portal.notifications.topic.Topic;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import fr.moncompte.portal.web.api.QueryValue;
import fr.moncompte.portal.web.api.token.TokenResource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The caller's own account: who they are, where they have access, how they want to be told (Mon compte). */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@SecurityRequirement(name = PortalApi.BEARER)
public class MeResource {

    /** A company the caller belongs to and the applications they may open on it. */
    public record CompanyApplications(long companyId, String companyName, Set<String> applications) {

        /** The caller's current grants, company by company (the token's claim and {@code GET /me} alike). */
        public static List<CompanyApplications> of(List<AccessGrant> grants) {
            Map<Long, CompanyApplications> companies = new LinkedHashMap<>();
            for (AccessGrant grant : grants) {
                companies.computeIfAbsent(grant.getCompany().getId(), id -> new CompanyApplications(id,
                                grant.getCompany().getLegalName(), new TreeSet<>()))
                        .applications().add(grant.getApplication().getCode());
            }
            return List.copyOf(companies.values());
        }
    }

    /** The caller. */
    public record Me(long id, String email, String firstName, String lastName, String phone, String language,
                     Set<String> roles, List<CompanyApplications> companies) {
    }

    /** How the caller wants one event on each channel; absent where not offered. */
    public record PreferenceChoice(String type,
                                   @Schema(enumeration = {"OFF", "IMMEDIATE", "DIGEST"}) String email,
                                   @Schema(enumeration = {"OFF", "IMMEDIATE", "DIGEST"}) String inApp) {
    }

    /** The caller's phone and interface language, as Mon compte › Informations saves them together. */
    public record ContactRequest(@Schema(description = "A French or international number (E.164 once saved);"
                                         + " empty or absent for none", example = "+33 6 12 34 56 78") String phone,
                                 @Schema(enumeration = {"fr", "en"}, required = true) String language) {
    }

    /** A new password, with the current one. */
    public record PasswordRequest(@Schema(required = true) String currentPassword,
                                  @Schema(required = true, description = "12 characters at least; not the e-mail"
                                          + " address, not a common password") String newPassword) {
    }

    /** A new login address, with the current password. */
    public record EmailChangeRequest(@Schema(required = true) String currentPassword,
                                     @Schema(required = true, format = "email") String newEmail) {
    }

    /** An e-mail change waiting for the new address to confirm it. */
    public record PendingEmailChange(String newEmail, Instant expiresAt) {
    }

    /**
     * A session of the caller in a browser. {@code handle} names it for {@code DELETE /me/sessions/{handle}}: a
     * digest, the session's own id never leaves the server.
     */
    public record SessionView(String handle, Instant startedAt, Instant lastSeenAt, String sourceAddress,
                              String userAgent,
                              @Schema(description = "The session this request's token was issued to") boolean current) {
    }

    /** A sign-in attempt on the caller's account. */
    public record SignInView(Instant occurredAt, boolean succeeded, String sourceAddress, String userAgent) {
    }

    /** An invitation to join a company waiting for the caller's answer. */
    public record InvitationView(String id, long companyId, String companyName, String invitedBy,
                                 Set<String> applications, boolean administrator, Instant expiresAt) {
    }

    /** What accepting an invitation gave. */
    public record JoinedView(long companyId, String companyName, Set<String> applications, boolean administrator) {
    }

    /** How many sessions were ended. */
    public record Ended(int ended) {
    }

    @EJB
    Accounts accounts;

    @EJB
    Sessions sessions;

    @EJB
    NotificationPreferences preferences;

    @EJB
    CompanyInvitations invitations;

    @EJB
    fr.moncompte.portal.domain.account.boundary.PersonalData personalData;

    @EJB
    fr.moncompte.portal.notifications.inbox.boundary.Inbox inbox;

    /** The verified token (MicroProfile JWT): its groups are the caller's roles. */
    @Inject
    JsonWebToken token;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The caller's account, roles and applications by company")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Me.class)))
    public Me me() {
        UserAccount account = accounts.current();
        return new Me(account.getId(), account.getEmail(), account.getFirstName(), account.getLastName(),
                account.getPhone(), account.getLanguage().name().toLowerCase(Locale.ROOT),
                new TreeSet<>(token.getGroups()), CompanyApplications.of(accounts.currentAccess()));
    }

    @GET
    @Path("data")
    @Operation(summary = "Everything the portal keeps about the caller, to download (GDPR art. 15 and 20)",
            description = "Account, companies and access, administered accounts, sessions and sign-ins, second"
                    + " factors (never a secret), audit events about the caller or by them, notifications and"
                    + " preferences; times in UTC. The download is audited.")
    @APIResponse(responseCode = "200", description = "The caller's data as JSON")
    public Response data() {
        fr.moncompte.portal.domain.account.boundary.PersonalData.Export mine =
                personalData.mine(request.getRemoteAddr());
        jakarta.ws.rs.core.StreamingOutput body = out -> fr.moncompte.portal.web.exports.MyDataExport.write(mine,
                inbox, preferences, out);
        return Response.ok(body, MediaType.APPLICATION_JSON).header("Cache-Control", "private, no-store").build();
    }

    @PUT
    @Path("contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's phone and interface language (mails and documents follow it)")
    @APIResponse(responseCode = "200", description = "The caller as saved",
            content = @Content(schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid, api.parameter.invalid (language),"
            + " phone.invalid: a number that cannot be read",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Me changeContact(ContactRequest contact) {
        if (contact == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        Language language = QueryValue.constant("language", Language.class, contact.language());
        if (language == null) {
            throw new InvalidRequest("api.parameter.invalid", "language", "fr | en");
        }
        accounts.changeContact(contact.phone(), language, request.getRemoteAddr());
        return me();
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's password",
            description = "As on Mon compte › Informations: the current password is checked (a wrong one counts"
                    + " toward the lockout), every session in a browser ends, and every token issued before,"
                    + " this one included: ask for a new token with the new password.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "password.currentWrong, password.tooManyAttempts,"
            + " password.unchanged, the password policy's keys (password.tooShort, password.tooLong,"
            + " password.containsEmail, password.common)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public void changePassword(PasswordRequest change) {
        if (change == null || change.currentPassword() == null || change.newPassword() == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        // A token belongs to no browser session: none is kept.
        accounts.changePassword(change.currentPassword(), change.newPassword(), ownSession(), request.getRemoteAddr());
    }

    @POST
    @Path("email-change")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask to change the caller's login address",
            description = "A confirmation link goes to the new address, and the current one is told; the login"
                    + " changes when the link is used.")
    @APIResponse(responseCode = "202", description = "The link is sent",
            content = @Content(schema = @Schema(implementation = PendingEmailChange.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid, email.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "password.currentWrong, password.tooManyAttempts,"
            + " email.required, email.unchanged; an address that already signs in elsewhere is answered as any"
            + " other, and its owner told instead",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "email.tooManyRequests: a fourth change within the hour",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response requestEmailChange(EmailChangeRequest change) {
        if (change == null || change.currentPassword() == null || change.newEmail() == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        AccountLink link = accounts.requestEmailChange(change.currentPassword(), change.newEmail(),
                request.getRemoteAddr());
        return Response.accepted(new PendingEmailChange(link.getNewEmail(), link.getExpiresAt())).build();
    }

    @GET
    @Path("email-change")
    @Operation(summary = "The caller's e-mail change waiting for its confirmation")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PendingEmailChange.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: none is waiting",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public PendingEmailChange pendingEmailChange() {
        return accounts.pendingEmailChange().map(link -> new PendingEmailChange(link.getNewEmail(),
                link.getExpiresAt())).orElseThrow(NotFound::new);
    }

    @GET
    @Path("sessions")
    @Operation(summary = "The caller's open sessions, in browsers and of tokens (Mon compte › Sécurité)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class,
            type = SchemaType.ARRAY)))
    public List<SessionView> sessions() {
        String own = ownSession();
        return sessions.active().stream().map(s -> new SessionView(s.handle(), s.getStartedAt(), s.getLastSeenAt(),
                s.getSourceAddress(), s.getUserAgent(), s.getId().equals(own))).toList();
    }

    @DELETE
    @Path("sessions/{handle}")
    @Operation(summary = "End one of the caller's sessions; that browser is signed out at its next request")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "error.notFound: no open session of the caller has it",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public void endSession(@PathParam("handle") String handle) {
        sessions.endByHandle(handle, request.getRemoteAddr());
    }

    @DELETE
    @Path("sessions")
    @Operation(summary = "End every other session of the caller, in browsers and of other tokens (\"Terminer toutes les"
            + " autres sessions\"); this token's own session stays open")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Ended.class)))
    public Ended endSessions() {
        return new Ended(sessions.endOthers(ownSession(), request.getRemoteAddr()));
    }

    @GET
    @Path("sign-ins")
    @Operation(summary = "The last sign-in attempts on the caller's account, newest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SignInView.class,
            type = SchemaType.ARRAY)))
    public List<SignInView> signIns() {
        return sessions.recentSignIns().stream().map(a -> new SignInView(a.getOccurredAt(), a.isSucceeded(),
                a.getSourceAddress(), a.getUserAgent())).toList();
    }

    @GET
    @Path("notification-preferences")
    @Operation(summary = "The caller's notification preferences, one line per event they may receive",
            description = "'mandatory' lines (security events) cannot be switched off; 'offered' says whether the"
                    + " event comes on that channel at all.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = Views.PreferenceView.class, type =
                    SchemaType.ARRAY)))
    public List<Views.PreferenceView> preferences() {
        return preferences.mine().stream().map(Views.PreferenceView::of).toList();
    }

    @PUT
    @Path("notification-preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the caller's notification preferences",
            description = "Every switchable line must be given; a mandatory one only as it is (IMMEDIATE).")
    @APIResponse(responseCode = "200", description = "The preferences as saved",
            content = @Content(schema = @Schema(implementation = Views.PreferenceView.class, type =
                    SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "api.body.invalid: not a list of lines, or an unknown value",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "preferences.incomplete, preferences.locked",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<Views.PreferenceView> savePreferences(List<PreferenceChoice> choices) {
        if (choices == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        Map<Topic, Map<Channel, Delivery>> wanted = new EnumMap<>(Topic.class);
        for (PreferenceChoice choice : choices) {
            if (choice == null) {
                throw new InvalidRequest("api.body.invalid");
            }
            Topic type = InvalidRequest.constant(Topic.class, choice.type());
            Map<Channel, Delivery> channels = wanted.computeIfAbsent(type, t -> new EnumMap<>(Channel.class));
            if (choice.email() != null) {
                channels.put(Channel.EMAIL, InvalidRequest.constant(Delivery.class, choice.email()));
            }
            if (choice.inApp() != null) {
                channels.put(Channel.IN_APP, InvalidRequest.constant(Delivery.class, choice.inApp()));
            }
        }
        preferences.save(wanted, request.getRemoteAddr());
        return preferences();
    }

    @GET
    @Path("invitations")
    @Operation(summary = "The invitations to join a company waiting for the caller's answer, oldest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvitationView.class,
            type = SchemaType.ARRAY)))
    public List<InvitationView> invitations() {
        return invitations.open().stream().map(pending -> new InvitationView(pending.id(), pending.companyId(),
                pending.companyName(), pending.invitedBy(), pending.applications().stream().map(Application::getCode)
                .collect(Collectors.toCollection(TreeSet::new)), pending.administrator(), pending.expiresAt()))
                .toList();
    }

    @POST
    @Path("invitations/{id}/accept")
    @Operation(summary = "Accept an invitation: the caller joins the company with the access asked for",
            description = "Only the applications still configured on the company are opened, and the administrator"
                    + " role only if the inviter still administers the company's account.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JoinedView.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: not an invitation of the caller",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "companyInvitation.answered, companyInvitation.expired,"
            + " companyInvitation.void (the inviter may no longer change the company)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public JoinedView acceptInvitation(@PathParam("id") String id) {
        CompanyInvitations.Joined joined = invitations.accept(id, request.getRemoteAddr());
        return new JoinedView(joined.companyId(), joined.companyName(), joined.applications(),
                joined.administrator());
    }

    @POST
    @Path("invitations/{id}/decline")
    @Operation(summary = "Decline an invitation; the inviter is not told")
    @APIResponse(responseCode = "204", description = "Declined")
    @APIResponse(responseCode = "404", description = "error.notFound: not an invitation of the caller",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "companyInvitation.answered, companyInvitation.expired",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public void declineInvitation(@PathParam("id") String id) {
        invitations.decline(id, request.getRemoteAddr());
    }

    /** The session this request's token was issued to: the caller's own, which ending "the others" keeps. */
    private String ownSession() {
        return token.getClaim(TokenResource.SESSION_CLAIM);
    }
}
