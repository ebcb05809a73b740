package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.account.boundary.TooManyAttempts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What one node lets through to the password hash, which costs about 0.2 core-seconds each time: so many attempts a
 * minute from one source address ({@value #PER_ADDRESS}, 20 by default), and so many hashes at once
 * ({@value #CONCURRENT}, half the cores by default, so that the pages keep the other half however hard sign-in is
 * pushed; an attempt waits {@value #HASH_WAIT}, 300 ms by default, for one to be free). Past either bound the attempt
 * is refused at once, before any password is looked at, with the seconds after which to try again.
 */
@ApplicationScoped
public class SignInGate {

    public static final String PER_ADDRESS = "portal.sign-in.attempts-per-address";
    public static final String CONCURRENT = "portal.sign-in.concurrent-hashes";
    /** How long an attempt waits for a hash to be free before it is told to come back. */
    public static final String HASH_WAIT = "portal.sign-in.hash-wait-ms";
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(1);
    /** Beyond this many addresses remembered, the oldest windows are forgotten (a spray of addresses costs memory). */
    static final int ADDRESSES_KEPT = 100_000;

    @Inject
    Clock clock;

    @Inject
    Config config;

    private final ConcurrentHashMap<String, Window> addresses = new ConcurrentHashMap<>();
    private volatile int perAddress;
    private Semaphore hashes;
    private long hashWaitMillis;

    /** One address's attempts in the current minute. */
    private record Window(Instant start, int attempts) {
    }

    @PostConstruct
    void configure() {
        limits(config.getOptionalValue(PER_ADDRESS, Integer.class).filter(n -> n > 0).orElse(20),
                config.getOptionalValue(CONCURRENT, Integer.class).filter(n -> n > 0)
                        .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)),
                config.getOptionalValue(HASH_WAIT, Long.class).filter(n -> n >= 0).orElse(300L));
    }

    void limits(int attemptsPerAddress, int concurrentHashes, long waitMillis) {
        perAddress = attemptsPerAddress;
        hashes = new Semaphore(concurrentHashes, true);
        hashWaitMillis = waitMillis;
    }

    /** Counts an attempt from {@code address}; refuses it past the address's allowance for the minute. */
    public void admit(String address) {
        Instant now = clock.instant();
        if (addresses.size() > ADDRESSES_KEPT) {
            addresses.values().removeIf(window -> !now.isBefore(window.start().plus(ADDRESS_WINDOW)));
        }
        Window window = addresses.compute(address == null ? "" : address, (key, current) ->
                current == null || !now.isBefore(current.start().plus(ADDRESS_WINDOW))
                        ? new Window(now, 1)
                        : new Window(current.start(), current.attempts() + 1));
        if (window.attempts() > perAddress) {
            long seconds = Math.max(1, Duration.between(now, window.start().plus(ADDRESS_WINDOW)).toSeconds() + 1);
            throw new TooManyAttempts("signin.tooManyFromAddress", seconds);
        }
    }

    /**
     * Runs one attempt, with its password check, when a hash is free within a moment; else refuses it, to be tried
     * again in a second, before anything of it is written down.
     */
    public <T> T withHash(Supplier<T> attempt) {
        boolean acquired;
        try {
            acquired = hashes.tryAcquire(hashWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new TooManyAttempts("signin.busy", 1);
        }
        try {
            return attempt.get();
        } finally {
            hashes.release();
        }
    }

    /** The allowance per address and minute; the integration tests lower it for a moment to see it hold. */
    public int attemptsPerAddress() {
        return perAddress;
    }

    public void attemptsPerAddress(int attempts) {
        this.perAddress = attempts;
    }
}
