package fr.moncompte.portal.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the portal as a newcomer first meets it: an Artemis broker in this JVM, then Payara Micro in a child process
 * with the portal on {@code http://localhost:<port>/}, an H2 file database and the demo data, mails written as
 * {@code .eml} files. Everything lives in one data folder, so a second start finds the data of the first.
 * Ctrl-C stops the portal and the broker.
 *
 * <p>Arguments: the folder with payara-micro.jar, ROOT.war and artemis-ra.rar; the data folder; the HTTP port.
 */
public final class QuickStart {

    static final int BROKER_PORT = 61616;
    static final String DEMO_PASSWORD = "Portail-Demo-2026";
    static final List<String> DEMO_SIGN_INS = List.of(
            "ops@moncompte.example                      operator (then a code: oathtool --totp -b JBSWY3DPEHPK3PXP)",
            "marion.lemoine@moncompte.example           operator without a second factor: adds one first",
            "comptable@cabinet-durand.example           accounting-firm administrator (Cabinet Durand & Associés)",
            "claire.martin@boulangerie-martin.example   client administrator, fr (Boulangerie Martin)",
            "paul.lefevre@boulangerie-martin.example    user of Boulangerie Martin SARL",
            "luc.petit@garage-petit.example             client administrator, en (Garage Petit)",
            "emma.roux@garage-petit.example             user of Garage Petit EURL");

    /** How long the portal may take, after Micro says it is ready, to answer its readiness check with the database. */
    static final Duration READINESS_WAIT = Duration.ofSeconds(90);

    private static volatile boolean stopping;

    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        Path runtime = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        int smtpPort = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Files.createDirectories(data);
        stopLeftover(data.resolve("micro.pid"));
        requireFree(port, "the portal (set -Dquickstart.port=<port> to use another)");
        requireFree(BROKER_PORT, "the Artemis broker (another quick start or test run may be using it)");

        System.out.println("Starting the Artemis broker on 127.0.0.1:" + BROKER_PORT + " ...");
        LocalBroker broker = new LocalBroker(data.resolve("broker"), BROKER_PORT).start();

        Path log = data.resolve("payara.log");
        Process micro = startMicro(runtime, data, port, smtpPort, log);
        Files.writeString(data.resolve("micro.pid"), Long.toString(micro.pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            System.out.println("\nStopping the portal and the broker ...");
            micro.destroy();
            try {
                if (!micro.waitFor(30, TimeUnit.SECONDS)) {
                    micro.destroyForcibly();
                }
                broker.stop();
                Files.deleteIfExists(data.resolve("micro.pid"));
            } catch (Exception e) {
                System.err.println("While stopping: " + e);
            }
        }, "quickstart-stop"));

        watch(micro, log, port, data);
        int exit = micro.waitFor();
        if (!stopping) {
            System.err.println("Payara Micro ended by itself (exit " + exit + "); see " + log);
            broker.stop();
            System.exit(1);
        }
    }

    private static Process startMicro(Path runtime, Path data, int port, int smtpPort, Path log) throws IOException {
        // Micro's root folder holds only its own configuration and what it deployed: it starts afresh every time,
        // so that the current build and settings apply. The data lives elsewhere in the data folder.
        deleteRecursively(data.resolve("micro"));
        Path preBoot = data.resolve("preboot.asadmin");
        // Loopback only; SameSite=Lax on cookies (Payara sets it on the listener, not from the application); no
        // session replication on this lone instance (the WAR is distributable, and a Micro without Hazelcast would
        // otherwise log a failed replication after every request).
        Files.writeString(preBoot, """
                set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
                set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-value=Lax
                set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-enabled=true
                set configs.config.server-config.availability-service.web-container-availability.availability-enabled=false
                """);
        Path postBoot = data.resolve("postboot.asadmin");
        Files.writeString(postBoot, "deploy --name artemis-ra " + runtime.resolve("artemis-ra.rar") + "\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dportal.db.class=org.h2.jdbcx.JdbcDataSource",
                "-Dportal.db.url=jdbc:h2:file:" + data.resolve("db").resolve("portal"),
                "-Dportal.db.user=portal",
                "-Dportal.db.password=portal",
                "-Dportal.environment=development", // demo data, plain HTTP, a key made on first start
                "-Dportal.demo-data=true",
                // Mails as files, or to a local SMTP server with -Dquickstart.smtp.port (to watch the outbox retry).
                smtpPort > 0 ? "-Dportal.mail.transport=smtp" : "-Dportal.mail.transport=file",
                "-Dportal.mail.outbox=" + data.resolve("mail"),
                "-Dportal.mail.smtp.host=127.0.0.1",
                "-Dportal.mail.smtp.port=" + (smtpPort > 0 ? smtpPort : 25),
                "-Dportal.public-url=http://localhost:" + port + "/",
                "-Dportal.session.secure-cookie=false", // local http: a Secure cookie would never come back
                // The API's signing key: made on first start, kept in .quickstart/ so tokens outlive a restart.
                "-Dportal.jwt.signing-key.location=" + data.resolve("jwt").resolve("signing-key.pem"),
                "-Dportal.jwt.signing-key.create-if-missing=true",
                // A known secret for the README's example of a payment provider's signed notice; never in production.
                "-Dportal.billing.provider.secret=quickstart-provider-secret",
                "-jar", runtime.resolve("payara-micro.jar").toString(),
                "--nohazelcast",
                "--port", Integer.toString(port),
                "--rootdir", data.resolve("micro").toString(),
                "--prebootcommandfile", preBoot.toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--deploy", runtime.resolve("ROOT.war").toString(),
                "--contextroot", "/"));
        // Any portal.* setting given to Maven (-Dportal.mail.retry.max-attempts=3) goes to the portal, last wins.
        int jar = command.indexOf("-jar");
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("portal.")).sorted()
                .forEach(name -> command.add(jar, "-D" + name + "=" + System.getProperty(name)));
        System.out.println("Starting Payara Micro (log: " + log + ") ...");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Copies Micro's output to the log; says when the portal is ready, and shows every SEVERE line. */
    private static void watch(Process micro, Path log, int port, Path data) throws IOException {
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        Thread copier = new Thread(() -> {
            boolean announced = false;
            int severe = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(micro.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.println(line);
                    if (line.contains("SEVERE")) {
                        severe++;
                        System.out.println("  ! " + line);
                    }
                    if (!announced && line.contains("Payara Micro") && line.contains("ready")) {
                        announced = true;
                        int severeSoFar = severe;
                        Thread check = new Thread(() -> announceWhenReady(port, data, severeSoFar), "quickstart-ready");
                        check.setDaemon(true);
                        check.start();
                    }
                }
            } catch (IOException e) {
                if (!stopping) {
                    System.err.println("Lost Payara Micro's output: " + e);
                }
            }
        }, "quickstart-log");
        copier.setDaemon(true);
        copier.start();
    }

    /**
     * Micro says "ready" even when the portal failed to deploy (nothing is then served): the portal is ready only
     * when its own readiness check answers UP with the database in it. Otherwise this says so and stops everything.
     */
    private static void announceWhenReady(int port, Path data, int severe) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + READINESS_WAIT.toNanos();
        String answer = "no answer";
        while (!stopping && System.nanoTime() < deadline) {
            try {
                answer = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (isPortalReady(answer)) {
                    announce(port, data, severe);
                    return;
                }
            } catch (IOException e) {
                answer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleepOneSecond();
        }
        if (!stopping) {
            System.err.println("\nThe portal did NOT start: its readiness check did not answer UP with the database"
                    + " within " + READINESS_WAIT.toSeconds() + " s (last answer: " + answer + ").\nSee the SEVERE"
                    + " lines above and " + data.resolve("payara.log") + ". Stopping.");
            System.exit(1);
        }
    }

    /** The portal's readiness: UP overall, and its database check among the checks (Micro alone has none). */
    static boolean isPortalReady(String health) {
        String compact = health.replaceAll("\\s", "");
        return compact.startsWith("{\"status\":\"UP\"")
                && compact.contains("{\"name\":\"database\",\"status\":\"UP\"");
    }

    private static void sleepOneSecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void announce(int port, Path data, int severe) {
        StringBuilder text = new StringBuilder("\n");
        if (severe > 0) {
            text.append("WARNING: Payara Micro reported ").append(severe)
                    .append(" SEVERE line(s) above: the portal may not work. Full log: ")
                    .append(data.resolve("payara.log")).append("\n\n");
        }
        text.append("The portal is ready: http://localhost:").append(port).append("/\n\n")
                .append("Demo sign-ins (password ").append(DEMO_PASSWORD).append(" for all):\n");
        DEMO_SIGN_INS.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append("\nMails are written as .eml files to ").append(data.resolve("mail")).append('\n')
                .append("Data (database, broker journal) lives in ").append(data).append(" and survives a restart.\n")
                .append("Press Ctrl-C to stop.\n");
        System.out.println(text);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is taken; it is needed for " + what + ".");
        }
    }

    /** A quick start killed without Ctrl-C may leave Micro running; the next start ends it. */
    private static void stopLeftover(Path pidFile) throws IOException {
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(p -> p.info().commandLine().orElse("").contains("payara-micro.jar")).ifPresent(p -> {
                System.out.println("Stopping a Payara Micro left running by an earlier quick start (pid " + pid + ").");
                p.destroy();
                p.onExit().join();
            });
            Files.delete(pidFile);
        }
    }
}
