package fr.moncompte.portal.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 19, point 4, as it will be checked: a signed-in person browses while bursts of 200 sign-in attempts for
 * unknown addresses arrive at once, over and over; the pages' median, 95th percentile and slowest answer are printed
 * without the flood and under it, with how the attempts were answered (401 checked, 429 refused before any hash).
 * Then 100 wrong passwords for one account at once, and the right one: it must get no token. Settings (system
 * properties): {@code bench.url} (http://localhost:8080), {@code bench.runs} (60 page loads per phase),
 * {@code bench.burst} (200; 0 for no flood, to see the lockout alone: the flood spends the address's allowance).
 */
public final class SignInFloodBenchmark {

    static final String[] PAGES = {"/account/informations.xhtml", "/companies/index.xhtml", "/users/index.xhtml"};

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.url", "http://localhost:8080").replaceAll("/$", "");
        int runs = Integer.getInteger("bench.runs", 60);
        int burst = Integer.getInteger("bench.burst", 200);
        ListBenchmark claire = new ListBenchmark(base).signIn("claire.martin@boulangerie-martin.example");
        HttpClient attackers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        for (int i = 0; i < 10; i++) {
            claire.get(PAGES[i % PAGES.length]); // warm-up
        }
        List<Double> quiet = browse(claire, runs);

        AtomicBoolean flooding = new AtomicBoolean(burst > 0);
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch underWay = new CountDownLatch(1);
        Thread flood = new Thread(() -> {
            while (flooding.get()) {
                List<CompletableFuture<HttpResponse<Void>>> wave = new ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    wave.add(attackers.sendAsync(token(base, "nobody." + sent.incrementAndGet() + "@flood.example",
                            "wrong"), HttpResponse.BodyHandlers.discarding()));
                }
                underWay.countDown(); // the first wave is on its way: the pages are timed from now
                for (CompletableFuture<HttpResponse<Void>> answer : wave) {
                    try {
                        answers.computeIfAbsent(answer.get(60, TimeUnit.SECONDS).statusCode(),
                                code -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        answers.computeIfAbsent(-1, code -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }
        });
        if (burst > 0) {
            flood.start();
            underWay.await();
        }
        List<Double> flooded = browse(claire, runs);
        flooding.set(false);
        if (burst > 0) {
            flood.join();
        }

        System.out.printf("%-44s %10s %10s %10s%n", "pages of a signed-in person", "median ms", "p95 ms", "max ms");
        print("without the flood", quiet);
        print("under bursts of " + burst + " unknown-address attempts", flooded);
        System.out.println("attempts sent: " + sent.get() + ", answered by status " + new TreeMap<>(answers)
                + " (-1: no answer within 60 s)");

        // 100 wrong passwords for one account at once, then the right one.
        String email = "paul.lefevre@boulangerie-martin.example";
        List<CompletableFuture<HttpResponse<Void>>> wrong = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            wrong.add(attackers.sendAsync(token(base, email, "wrong " + i), HttpResponse.BodyHandlers.discarding()));
        }
        Map<Integer, Integer> wrongAnswers = new TreeMap<>();
        for (CompletableFuture<HttpResponse<Void>> answer : wrong) {
            wrongAnswers.merge(answer.get(60, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
        }
        int right = attackers.send(token(base, email, "Portail-Demo-2026"), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        System.out.println("100 wrong passwords at once for " + email + ": " + wrongAnswers
                + "; then the right one: " + right + (right == 200 ? " (A TOKEN: the lockout was outrun)" : ""));
    }

    private static List<Double> browse(ListBenchmark person, int runs) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = person.get(PAGES[i % PAGES.length]);
            millis.add((System.nanoTime() - started) / 1e6);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(PAGES[i % PAGES.length] + " answered " + answer.statusCode());
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private static void print(String name, List<Double> sorted) {
        System.out.printf("%-44s %10.1f %10.1f %10.1f%n", name, sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
    }

    private static HttpRequest token(String base, String email, String password) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password
                        + "\"}")).build();
    }
}
