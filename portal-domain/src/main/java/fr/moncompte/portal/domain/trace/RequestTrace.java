package fr.moncompte.portal.domain.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The id of the request the current thread works for: set by the web module for each HTTP request (taken from an
 * {@code X-Request-Id} header a load balancer sends, else made here), carried by each domain event sent meanwhile as
 * the JMS property {@code requestId}, and set again by the consumer of the event. Local EJB calls run in the
 * caller's thread, so the id reaches every boundary a request calls.
 * <p>
 * {@link #log} writes a record with the id and other fields both in its text ({@code key=value}, for the default log
 * format) and as a map parameter, which Payara's JSON log format turns into fields of the record.
 */
public final class RequestTrace {

    public static final String HEADER = "X-Request-Id";
    public static final String MESSAGE_PROPERTY = "requestId";
    public static final String FIELD = "requestId";

    /** What an id from outside may look like: no spaces, quotes or line breaks to forge log lines with. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}{}']");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestTrace() {
    }

    /** The id to use for an id offered from outside: itself when well-formed, else a new one. */
    public static String accepted(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : fresh();
    }

    public static String fresh() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Makes {@code id} the current thread's until the scope closes, then puts back the one before. */
    public static Scope open(String id) {
        String before = CURRENT.get();
        CURRENT.set(id);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** Logs {@code message} with {@code fields} and the current request id. */
    public static void log(Logger logger, Level level, String message, Map<String, ?> fields) {
        if (!logger.isLoggable(level)) {
            return;
        }
        Map<String, Object> all = new LinkedHashMap<>();
        current().ifPresent(id -> all.put(FIELD, id));
        fields.forEach((name, value) -> all.put(name, printable(value)));
        LogRecord record = new LogRecord(level, message + all.entrySet().stream()
                .map(field -> " " + field.getKey() + "=" + printable(field.getValue()))
                .collect(Collectors.joining()));
        record.setLoggerName(logger.getName());
        record.setParameters(new Object[]{all});
        logger.log(record);
    }

    /**
     * A value as one line without braces or quotes: a path with an encoded line break cannot forge a record of its
     * own, nor a "{0}" make the log formatter substitute (or choke on) the record's parameters.
     */
    private static String printable(Object value) {
        return UNSAFE.matcher(String.valueOf(value)).replaceAll("?");
    }

    /** A request id set for a stretch of work; closing it restores the one before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
