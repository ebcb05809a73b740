package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.notifications.inbox.boundary.Inbox;
import fr.moncompte.portal.web.api.ListPage;
import fr.moncompte.portal.web.api.Paging;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The caller's in-app notifications (the bell and "Notifications" page), newest first, through {@link Inbox}. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = PortalApi.BEARER)
public class NotificationsResource {

    /** For the OpenAPI description: a page of notifications, with how many are unread. */
    @Schema(name = "NotificationPage")
    public static class NotificationPage extends PageSchema {
        public List<Views.NotificationView> items;
        public long unread;
    }

    /** A page of notifications and how many of all are unread. */
    public record Notifications(List<Views.NotificationView> items, int page, int size, long total, long unread) {
    }

    @EJB
    Inbox inbox;

    @GET
    @Operation(summary = "The caller's notifications, newest first",
            description = "eventType names the event; facts fill in its text; link is the portal page it is about.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NotificationPage.class)))
    @APIResponse(responseCode = "400", description = "api.paging.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Notifications notifications(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        ListPage<Views.NotificationView> found = ListPage.of(inbox.page(paging.first(), paging.size()).stream()
                .map(Views.NotificationView::of).toList(), paging, inbox.count());
        return new Notifications(found.items(), found.page(), found.size(), found.total(), inbox.unread());
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = Views.NotificationView.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: unknown, or someone else's",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Views.NotificationView read(@PathParam("id") long id) {
        return Views.NotificationView.of(inbox.open(id));
    }

    /** How many notifications were marked read. */
    public record Marked(int marked) {
    }

    @POST
    @Path("read")
    @Operation(summary = "Mark every notification of the caller read (the inbox's \"mark all read\")")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Marked.class)))
    public Marked readAll() {
        return new Marked(inbox.markAllRead());
    }
}
