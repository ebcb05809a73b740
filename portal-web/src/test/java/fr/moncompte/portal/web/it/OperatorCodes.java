package fr.moncompte.portal.web.it;

import fr.moncompte.portal.domain.schema.control.DemoOperatorAuthenticator;
import fr.moncompte.portal.domain.secondfactor.control.TotpCodes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The codes the tests sign the demo operator in with (an operator must use a second factor, issue 20). The operator
 * has the demo authenticator app ({@value DemoOperatorAuthenticator#SECRET}) and, for the tests, {@value #APPS} more
 * ({@link OperatorAppsProbe}); each code is computed here from its secret, at the portal's time (which tests may move
 * ahead), and never given twice: a code is accepted once, so one app serves at most two sign-ins per 30-second step.
 */
final class OperatorCodes {

    static final int APPS = 24;
    private static final TotpCodes CODES = new TotpCodes();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Per app, the last step whose code was given. */
    private static final Map<Integer, Long> GIVEN = new HashMap<>();
    private static boolean added;

    private OperatorCodes() {
    }

    /** True for the demo operator's address, whose sign-ins need a code. */
    static boolean isOperator(String email) {
        return IsolationMatrixIT.OPS.equalsIgnoreCase(email.strip());
    }

    /** A code the portal at {@code base} has not taken yet, of one of the operator's apps. */
    static synchronized String next(String base) throws Exception {
        addApps(base);
        return give(base, IntStream.rangeClosed(1, APPS).toArray());
    }

    /** A code of the demo app itself, as the README tells a person to compute it. */
    static synchronized String demo(String base) throws Exception {
        return give(base, new int[]{0});
    }

    private static String give(String base, int[] apps) throws Exception {
        while (true) {
            long now = portalMillis(base);
            long step = TotpCodes.stepAt(Instant.ofEpochMilli(now));
            // This step, else the next one (the portal accepts one step of drift either side).
            for (long wanted = step; wanted <= step + 1; wanted++) {
                for (int app : apps) {
                    if (GIVEN.getOrDefault(app, Long.MIN_VALUE) < wanted) {
                        GIVEN.put(app, wanted);
                        return CODES.codeAt(secret(app), wanted);
                    }
                }
            }
            // Every code these apps may give now was given: the portal takes new ones from its next step, a real
            // 30 seconds away at most (a code's time cannot be faked without moving the whole portal's clock).
            Thread.sleep((step + 1) * TotpCodes.STEP.toMillis() - now + 50);
        }
    }

    /** App 0 is the demo app; the others are the tests' own. */
    private static byte[] secret(int app) throws Exception {
        return app == 0 ? TotpCodes.fromBase32(DemoOperatorAuthenticator.SECRET) : MessageDigest.getInstance("SHA-1")
                .digest(("it-operator-app-" + app).getBytes(StandardCharsets.UTF_8));
    }

    private static void addApps(String base) throws Exception {
        if (added) {
            return;
        }
        for (int app = 1; app <= APPS; app++) {
            post(base, "/it/operator-apps", "name=IT+app+" + app + "&secret="
                    + TotpCodes.typed(secret(app)).replace(" ", ""));
        }
        added = true;
    }

    private static long portalMillis(String base) throws Exception {
        return Long.parseLong(post(base, "/it/clock", "what=now").strip());
    }

    private static String post(String base, String path, String form) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base.replaceAll("/$", "") + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
