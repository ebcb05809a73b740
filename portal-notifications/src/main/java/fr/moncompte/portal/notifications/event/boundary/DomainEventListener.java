package fr.moncompte.portal.notifications.event.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.boundary.LinkNotYetVisible;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.trace.RequestTrace;
import fr.moncompte.portal.notifications.delivery.boundary.Notifications;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A thin adapter: reads the event and hands it to {@link Notifications}, whose own database transaction commits
 * before the message is acknowledged. Any failure propagates, so the broker redelivers the message with back-off and
 * finally moves it to the dead-letter address, where an operator can see and replay it; nothing is acknowledged that
 * was not handled.
 *
 * <p>The delivery is deliberately not an XA transaction spanning the broker and the database: the notifications are
 * idempotent by event and recipient ({@code Notifications} claims a unique row first), so a message redelivered
 * after a commit whose acknowledgement was lost tells nobody twice (EventDeliveryIT delivers an event twice,
 * BrokerRestartIT restarts the broker in the middle of a burst). Without the two-phase commit each message costs
 * one local commit instead of blocking round trips to the broker for the XA start, end, prepare and commit, the
 * broker's journal syncs and the transaction manager's log, where thread dumps taken during the notifications
 * benchmark found the consumers most of the time.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = ApplicationEvents.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ApplicationEvents.QUEUE_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.SYSTEM)
@DeclareRoles(Roles.SYSTEM)
public class DomainEventListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DomainEventListener.class.getName());
    /** Artemis counts each delivery of a message; above 1, the broker redelivered it. */
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    /** Tries, and the pause between them, for an event whose link's commit has not landed yet. */
    private static final int LINK_ATTEMPTS = 5;
    private static final long LINK_PAUSE_MILLIS = 200;

    @Inject
    Notifications notifications;

    @Override
    public void onMessage(Message message) {
        try (RequestTrace.Scope trace = RequestTrace.open(requestId(message))) {
            DomainEvent event = DomainEvent.fromJson(((TextMessage) message).getText());
            handle(event);
            RequestTrace.log(LOG, Level.INFO, "Domain event handled",
                    Map.of("eventId", event.id(), "eventType", event.type(), "delivery",
                            message.getIntProperty(DELIVERY_COUNT)));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable domain event message", e);
        }
    }

    /**
     * Hands the event over; when it names a link whose row is not readable yet (its database commit still on the
     * way, see {@link LinkNotYetVisible}), tries again a few times within a second before leaving it to the broker's
     * redelivery, which the resource adapter logs as a failure.
     */
    private void handle(DomainEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                notifications.handle(event);
                return;
            } catch (LinkNotYetVisible notYet) {
                if (attempt == LINK_ATTEMPTS) {
                    throw notYet;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(LINK_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a link's commit", e);
        }
    }

    /** The id of the request that sent the event, so that the logs of its handling carry it too. */
    private static String requestId(Message message) throws JMSException {
        String sent = message.getStringProperty(RequestTrace.MESSAGE_PROPERTY);
        return sent == null ? "event-" + message.getJMSCorrelationID() : RequestTrace.accepted(sent);
    }
}
