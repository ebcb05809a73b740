package fr.moncompte.portal.notifications.health.boundary;

import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;


/**
 * Readiness (MicroProfile Health, {@code /health/ready}): the broker the domain events go through answers, a JMS
 * connection opens and closes. Not ready is not fatal (events wait, SMTP aside), it tells operations where to look.
 */
@Readiness
@ApplicationScoped
public class BrokerHealth implements HealthCheck {

    @Resource(lookup = ApplicationEvents.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = factory.createContext()) {
            context.createProducer(); // the connection is open once a session exists
            return HealthCheckResponse.named("broker").up().build();
        } catch (JMSRuntimeException e) {
            return HealthCheckResponse.named("broker").down().withData("error", e.toString()).build();
        }
    }
}
