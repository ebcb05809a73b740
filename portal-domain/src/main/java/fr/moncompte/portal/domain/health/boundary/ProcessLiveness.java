package fr.moncompte.portal.domain.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * Liveness ({@code /health/live}): DOWN only for what a restart cures, threads deadlocked in the JVM. The heap in
 * use is said in the data for the dashboards; a database, broker or mail server away is readiness's business, never
 * a reason to restart the node.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return HealthCheckResponse.named("process").status(deadlocked == null)
                .withData("deadlockedThreads", deadlocked == null ? 0 : deadlocked.length)
                .withData("heapUsedBytes", heap.getUsed())
                .withData("heapMaxBytes", heap.getMax())
                .build();
    }
}
