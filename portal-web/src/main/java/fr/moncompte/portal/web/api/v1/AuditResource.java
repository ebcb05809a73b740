package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.domain.audit.boundary.AuditTrail;
import fr.moncompte.portal.domain.audit.entity.AuditEvent;
import fr.moncompte.portal.web.api.ListPage;
import fr.moncompte.portal.web.api.Paging;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import fr.moncompte.portal.web.api.QueryValue;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** Back-office › Journal d'audit: the audit log read through {@link AuditTrail} (operators). */
@Path("audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
@SecurityRequirement(name = PortalApi.BEARER)
public class AuditResource {
    /** An entry of the audit log. */
    public record AuditEntryView(long id, Instant occurredAt, Long actorId, String actorEmail, String action,
                                 String targetType, String targetId, String before, String after,
                                 String sourceAddress) {
        static AuditEntryView of(AuditTrail.Entry entry) {
            AuditEvent e = entry.event();
            return new AuditEntryView(e.getId(), e.getOccurredAt(), e.getActorId(), entry.actorEmail(),
                    e.getAction(), e.getTargetType(), e.getTargetId(), e.getBeforeState(), e.getAfterState(),
                    e.getSourceAddress());
        }
    }

    /** For the OpenAPI description: a page of the audit log. */
    @Schema(name = "AuditPage")
    public static class AuditPage extends PageSchema {
        public List<AuditEntryView> items;
    }

    @EJB
    AuditTrail trail;

    @GET
    @Operation(summary = "The audit log, newest first, filtered as on its page (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "api.paging.invalid, api.parameter.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused: audit.actor.unknown (field actor),"
            + " audit.period.reversed (field to), as on the page",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public ListPage<AuditEntryView> auditEvents(
            @QueryParam("actor") @Parameter(description = "Who acted: their e-mail address or account id") String actor,
            @QueryParam("company") @Parameter(description = "A company's id") String company,
            @QueryParam("action") @Parameter(description = "An action, e.g. ACCESS_GRANTED") String action,
            @QueryParam("from") @Parameter(description = "First day, e.g. 2026-11-01") String from,
            @QueryParam("to") @Parameter(description = "Last day, e.g. 2026-11-30") String to,
            @QueryParam("page") @Parameter(description = "From 1") String page,
            @QueryParam("size") @Parameter(description = "1 to 100") String size) {
        Paging paging = Paging.of(page, size);
        AuditTrail.Filter filter = new AuditTrail.Filter(actor == null || actor.isBlank() ? null : actor,
                QueryValue.number("company", company), action == null || action.isBlank() ? null : action,
                QueryValue.day("from", from), QueryValue.day("to", to));
        return ListPage.of(trail.find(filter, paging.first(), paging.size()).stream().map(AuditEntryView::of)
                .toList(), paging, trail.count(filter));
    }
}
