package fr.moncompte.portal.web.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Client side of {@link PeopleProbe}: each test makes the people it changes. Their last names end in letters unique
 * to the run, so that a list searched by name shows them alone.
 */
final class Fixtures {

    /** The demo companies: Boulangerie Martin SARL (DIRECT), Martin Traiteur SAS (FIRM, Cabinet Durand), Garage Petit. */
    static final long BOULANGERIE = IsolationMatrixIT.BOULANGERIE;
    static final long TRAITEUR = IsolationMatrixIT.TRAITEUR;
    static final long GARAGE = IsolationMatrixIT.GARAGE;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger MADE = new AtomicInteger();
    private static final String RUN = letters(System.currentTimeMillis() / 1000);

    private Fixtures() {
    }

    /** A person made for one test. */
    record Person(long id, String email, String firstName, String lastName) {
        String name() {
            return firstName + " " + lastName;
        }
    }

    /** An active user of {@code company} with the demo password, in {@code language} ("FR" or "EN"). */
    static Person user(long company, String firstName, String lastName, String language, String domain) {
        return make(company, firstName, lastName, language, true, domain, null);
    }

    /** An active user of two companies, maybe of two customer accounts. */
    static Person userOfTwo(long company, long also, String firstName, String lastName, String language,
                            String domain) {
        return make(company, firstName, lastName, language, true, domain, also);
    }

    /** Someone invited to {@code company} who has not chosen a password yet. */
    static Person invited(long company, String firstName, String lastName, String language, String domain) {
        return make(company, firstName, lastName, language, false, domain, null);
    }

    /** An active user of {@code company} who administers its customer account, with the demo password. */
    static Person administrator(long company, String firstName, String lastName, String language, String domain) {
        return make(company, firstName, lastName, language, true, domain, null, true);
    }

    /** A new operator of the vendor (a member of {@code company} too), with the demo password and no second factor. */
    static Person operator(long company, String firstName, String lastName, String language, String domain) {
        return make(company, firstName, lastName, language, true, domain, null, false, true);
    }

    private static Person make(long company, String firstName, String lastName, String language, boolean active,
                               String domain, Long also) {
        return make(company, firstName, lastName, language, active, domain, also, false);
    }

    private static Person make(long company, String firstName, String lastName, String language, boolean active,
                               String domain, Long also, boolean administrator) {
        return make(company, firstName, lastName, language, active, domain, also, administrator, false);
    }

    private static Person make(long company, String firstName, String lastName, String language, boolean active,
                               String domain, Long also, boolean administrator, boolean operator) {
        String unique = lastName + "-" + RUN + letters(MADE.incrementAndGet());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("company", Long.toString(company));
        form.put("first", firstName);
        form.put("last", unique);
        form.put("language", language);
        form.put("active", Boolean.toString(active));
        form.put("domain", domain);
        if (also != null) {
            form.put("also", Long.toString(also));
        }
        form.put("administrator", Boolean.toString(administrator));
        form.put("operator", Boolean.toString(operator));
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String[] made = post(body).split("\\|");
        return new Person(Long.parseLong(made[0]), made[1], firstName, unique);
    }

    /** Makes every invitation to join a company that this person holds expire now. */
    static void expireInvitationsOf(long personId) {
        post("expireInvitationsOf=" + personId);
    }

    private static String post(String body) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(SharedPortal.url() + "it/people"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("POST /it/people answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body().strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A number written with the letters a to z, for names that a search by name start finds. */
    private static String letters(long number) {
        StringBuilder written = new StringBuilder();
        long rest = number;
        do {
            written.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return written.toString();
    }
}
