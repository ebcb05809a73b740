package fr.moncompte.portal.notifications.inbox.boundary;

import java.time.Instant;
import java.util.Map;

/**
 * One in-app notification as its reader's page shows it: the event type names its text, the facts fill it in.
 *
 * @param link the page it is about, relative to the portal, or null
 */
public record InboxEntry(long id, String eventType, Instant occurredAt, boolean read, String link,
                         Map<String, String> facts) {
}
