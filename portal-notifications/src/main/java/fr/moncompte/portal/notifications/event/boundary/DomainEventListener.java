package fr.moncompte.portal.notifications.event.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.notifications.delivery.boundary.Notifications;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * A thin adapter: reads the event and hands it to {@link Notifications} in the message's transaction. Any failure
 * propagates, so the broker redelivers the message with back-off and finally moves it to the dead-letter address,
 * where an operator can see and replay it; nothing is acknowledged that was not handled.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = ApplicationEvents.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ApplicationEvents.QUEUE_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@RunAs(Roles.SYSTEM)
@DeclareRoles(Roles.SYSTEM)
public class DomainEventListener implements MessageListener {

    @Inject
    Notifications notifications;

    @Override
    public void onMessage(Message message) {
        try {
            notifications.handle(DomainEvent.fromJson(((TextMessage) message).getText()));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable domain event message", e);
        }
    }
}
