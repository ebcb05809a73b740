package fr.moncompte.portal.domain.event.boundary;

import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.trace.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

import java.util.Collection;
import java.util.List;

/**
 * Sends domain events to the broker through the Artemis resource adapter, enlisted in the caller's JTA transaction:
 * an event leaves only if the change that caused it commits. Calling it outside a transaction is a bug, hence
 * {@code MANDATORY}. Each message carries the id of the request that caused it ({@link RequestTrace}), when there is one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
@ConnectionFactoryDefinition(
        name = ApplicationEvents.CONNECTION_FACTORY,
        interfaceName = "org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory",
        resourceAdapter = ApplicationEvents.RESOURCE_ADAPTER,
        transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 20,
        minPoolSize = 1,
        // The broker account, read when the application is deployed (as the datasource's settings are).
        properties = {"UserName=${MPCONFIG=portal.broker.user}", "Password=${MPCONFIG=portal.broker.password}"})
@AdministeredObjectDefinition(
        name = ApplicationEvents.QUEUE,
        interfaceName = "jakarta.jms.Queue",
        className = "org.apache.activemq.artemis.jms.client.ActiveMQQueue",
        resourceAdapter = ApplicationEvents.RESOURCE_ADAPTER,
        properties = "Address=" + ApplicationEvents.QUEUE_ADDRESS)
public class ApplicationEvents {

    /** The deployed name of the resource adapter archive built by the artemis-ra module. */
    public static final String RESOURCE_ADAPTER = "artemis-ra";
    public static final String CONNECTION_FACTORY = "java:app/jms/portal";
    public static final String QUEUE = "java:app/jms/domain-events";
    public static final String QUEUE_ADDRESS = "portal.domain-events";
    public static final String TYPE_PROPERTY = "eventType";

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = QUEUE)
    Queue queue;

    public void publish(DomainEvent event) {
        publishAll(List.of(event));
    }

    /** Many events of one transaction through one JMS context (a billing chunk announces hundreds of invoices). */
    public void publishAll(Collection<DomainEvent> events) {
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer();
            for (DomainEvent event : events) {
                TextMessage message = context.createTextMessage(event.toJson());
                message.setStringProperty(TYPE_PROPERTY, event.type());
                message.setJMSCorrelationID(event.id().toString());
                RequestTrace.current().ifPresent(id -> setRequestId(message, id));
                producer.send(queue, message);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not build the message of an event", e);
        }
    }

    private static void setRequestId(TextMessage message, String id) {
        try {
            message.setStringProperty(RequestTrace.MESSAGE_PROPERTY, id);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not mark an event with its request id", e);
        }
    }
}
