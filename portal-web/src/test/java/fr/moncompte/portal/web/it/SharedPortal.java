package fr.moncompte.portal.web.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * One Payara Micro for every integration-test class of the test JVM. Payara's adapter starts a server at each
 * deployment and stops it at each undeployment, so each class paid a start (three schemas migrated, a year of demo
 * invoices issued and mailed). Here the first class's deployment starts it; the later classes, which all deploy
 * {@link PortalArchive#shared()}, are answered with the same server; it stops when Arquillian stops the container at
 * the end of the suite (or, failing that, with the JVM, by the adapter's shutdown hook).
 *
 * <p>Classes share the database, the broker and the SMTP server as they would share a production portal: each test
 * makes or picks its own people and data and asserts on what it made.
 */
public class SharedPortal implements DeployableContainer<PayaraMicroContainerConfiguration> {

    /** Registered in {@code META-INF/services}: takes the place of Payara's adapter. */
    public static class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPortal.class);
        }
    }

    private static final PayaraMicroDeployableContainer MICRO = new PayaraMicroDeployableContainer();
    private static Archive<?> deployed;
    private static ProtocolMetaData running;

    /** The running portal's root on the loopback address, for helpers that are handed no URL (Quiescence). */
    static synchronized java.net.URL url() {
        if (running == null) {
            throw new IllegalStateException("The portal is not running: no integration-test class deployed it yet");
        }
        HTTPContext http = running.getContexts(HTTPContext.class).iterator().next();
        String root = http.getServlets().isEmpty() ? "/" : http.getServlets().get(0).getContextRoot();
        try {
            return new java.net.URL("http", "127.0.0.1", http.getPort(), root.endsWith("/") ? root : root + "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return PayaraMicroContainerConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        MICRO.setup(configuration);
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return MICRO.getDefaultProtocol();
    }

    @Override
    public void start() {
        // Started by the first deployment, as Payara's adapter does.
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        synchronized (SharedPortal.class) {
            if (running == null) {
                running = MICRO.deploy(archive);
                deployed = archive;
            } else if (!deployed.getName().equals(archive.getName())) {
                throw new DeploymentException("Every integration-test class deploys PortalArchive.shared(), not "
                        + archive.getName());
            }
            return running;
        }
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // The next class runs against the same portal.
    }

    @Override
    public void stop() throws LifecycleException {
        synchronized (SharedPortal.class) {
            if (running == null) {
                return;
            }
            try {
                MICRO.undeploy(deployed);
            } catch (DeploymentException e) {
                throw new LifecycleException("Could not stop Payara Micro", e);
            } finally {
                running = null;
                deployed = null;
            }
        }
    }

    @Override
    public void deploy(Descriptor descriptor) throws DeploymentException {
        MICRO.deploy(descriptor);
    }

    @Override
    public void undeploy(Descriptor descriptor) throws DeploymentException {
        MICRO.undeploy(descriptor);
    }
}
