package fr.moncompte.portal.web.trace;

import fr.moncompte.portal.domain.trace.RequestTrace;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives each request its id ({@link RequestTrace}: the load balancer's {@code X-Request-Id} when well-formed, else a
 * new one), answers it in the same header, and times the request into the {@code portal_requests_seconds} timer by
 * area (pages, api, resources). A request slower than {@link #SLOW} is logged as a warning with its id; the others
 * at FINE (set the logger {@code fr.moncompte.portal.web.trace} to FINE for an access log).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = DispatcherType.REQUEST)
public class RequestTracing extends HttpFilter {

    static final Duration SLOW = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(RequestTracing.class.getName());
    private static final Metadata REQUESTS = Metadata.builder().withName("portal.requests").withUnit(MetricUnits.SECONDS)
            .withDescription("Time to answer an HTTP request of the portal, by area (pages, api, resources)").build();

    @Inject
    MetricRegistry metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestTrace.accepted(request.getHeader(RequestTrace.HEADER));
        response.setHeader(RequestTrace.HEADER, id);
        long start = System.nanoTime();
        try (RequestTrace.Scope trace = RequestTrace.open(id)) {
            try {
                chain.doFilter(request, response);
            } finally {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
                metrics.timer(REQUESTS, new Tag("area", area(path))).update(took);
                boolean slow = took.compareTo(SLOW) > 0;
                RequestTrace.log(LOG, slow ? Level.WARNING : Level.FINE, slow ? "Slow request" : "Request",
                        Map.of("method", request.getMethod(), "path", path, "status", response.getStatus(),
                                "millis", took.toMillis()));
            }
        }
    }

    static String area(String path) {
        if (path.startsWith("/api/")) {
            return "api";
        }
        if (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")) {
            return "resources";
        }
        return "pages";
    }
}
