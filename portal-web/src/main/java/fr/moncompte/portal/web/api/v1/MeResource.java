package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.boundary.Accounts;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.notifications.preference.boundary.NotificationPreferences;
import fr.moncompte.portal.notifications.preference.entity.Channel;
import fr.moncompte.portal.notifications.preference.entity.Delivery;
import fr.moncompte.portal.notifications.topic.Topic;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    @EJB
    Accounts accounts;

    @EJB
    NotificationPreferences preferences;

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
}
