package fr.moncompte.portal.bench;

import fr.moncompte.portal.billing.document.control.FacturX;
import fr.moncompte.portal.billing.invoice.control.InvoiceComputation;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.billable.boundary.BillableCompany;
import fr.moncompte.portal.domain.billable.boundary.Party;
import fr.moncompte.portal.domain.billable.boundary.Seat;
import fr.moncompte.portal.domain.billable.boundary.Subscription;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The billing benchmarks of BENCHMARKS.md, in three phases run by hand:
 * <ul>
 *     <li>{@code -Dbench.phase=run} (portal running): signs in as the operator, starts the month's run from the
 *     back-office form and waits until the page says it has finished;</li>
 *     <li>{@code -Dbench.phase=floor} (portal stopped, same database): reads how long that run took from its own
 *     record ({@code billing_run}, server clock), then inserts the very rows it wrote (invoices and lines, copied
 *     under other ids and numbers) into the same tables with plain JDBC batches, committing every 1,000 invoices
 *     as the run does ({@code -Dbench.chunk}); prints both times and their ratio, then deletes the copies;</li>
 *     <li>{@code -Dbench.phase=pdf}: renders one invoice's Factur-X PDF again and again in this JVM and prints the
 *     median.</li>
 * </ul>
 */
public final class BillingBenchmark {

    private static final long COPY_OFFSET = 900_000_000_000L;
    /** Commit every this many invoices, as the run does (its portal.billing.chunk-size). */
    private static final int CHUNK = Integer.getInteger("bench.chunk", 1000);

    private BillingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String phase = System.getProperty("bench.phase", "pdf");
        YearMonth month = YearMonth.parse(System.getProperty("bench.month", YearMonth.now().minusMonths(13).toString()));
        switch (phase) {
            case "run" -> run(month);
            case "floor" -> floor(month);
            case "pdf" -> pdf();
            default -> throw new IllegalArgumentException("bench.phase is run, floor or pdf: " + phase);
        }
    }

    static void run(YearMonth month) throws Exception {
        ListBenchmark operator = new ListBenchmark(System.getProperty("bench.url", "http://localhost:8080"))
                .signIn("ops@moncompte.example");
        long started = System.nanoTime();
        HttpResponse<String> answer = operator.submit("/operations/billing.xhtml", "run",
                Map.of("month", month.toString(), "start", ""));
        if (!answer.body().contains("lancée")) {
            throw new IllegalStateException("The run did not start: " + answer.statusCode());
        }
        String label = DateTimeFormatter.ofPattern("LLLL yyyy", Locale.FRENCH).format(month);
        while (true) {
            Thread.sleep(1000);
            String page = operator.get("/operations/billing.xhtml").body();
            int row = page.indexOf("<td>" + label + "</td>");
            int rowEnd = row < 0 ? -1 : page.indexOf("</tr>", row);
            String state = row < 0 || rowEnd < 0 ? "" : page.substring(row, rowEnd);
            if (state.contains("Terminée") || state.contains("Interrompue")) {
                System.out.printf("Run of %s: %s after %.1f s (client clock, 1 s polling).%n", month,
                        state.contains("Terminée") ? "finished" : "INTERRUPTED", (System.nanoTime() - started) / 1e9);
                return;
            }
        }
    }

    static void floor(YearMonth month) throws SQLException {
        try (Connection db = DriverManager.getConnection(
                System.getProperty("bench.db.url", "jdbc:h2:file:./.quickstart/db/portal"),
                System.getProperty("bench.db.user", "portal"), System.getProperty("bench.db.password", "portal"))) {
            Duration run;
            long issued;
            try (PreparedStatement select = db.prepareStatement(
                    "select started_at, finished_at, invoices_issued, state from billing_run where billed_month = ?")) {
                select.setObject(1, month.atDay(1));
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next() || !"FINISHED".equals(rows.getString(4))) {
                        throw new IllegalStateException("No finished run of " + month + ": run -Dbench.phase=run first");
                    }
                    run = Duration.between(rows.getTimestamp(1).toInstant(), rows.getTimestamp(2).toInstant());
                    issued = rows.getLong(3);
                }
            }
            List<Object[]> invoices = rows(db, "select * from invoice where billed_month = ? and kind = 'INVOICE' order by id", month);
            List<Object[]> lines = rows(db, """
                    select l.* from invoice_line l join invoice i on i.id = l.invoice_id
                    where i.billed_month = ? and i.kind = 'INVOICE' order by l.invoice_id, l.line_number""", month);
            System.out.printf("Run of %s: %,d invoices issued in %.1f s (its own record); %,d invoices and %,d lines"
                    + " in the tables.%n", month, issued, run.toMillis() / 1e3, invoices.size(), lines.size());

            db.setAutoCommit(false);
            long started = System.nanoTime();
            insertCopies(db, invoices, lines);
            double floor = (System.nanoTime() - started) / 1e9;
            System.out.printf("Floor, plain JDBC batches of the same rows, a commit every %d invoices: %.1f s.%n",
                    CHUNK, floor);
            System.out.printf("Ratio run / floor: %.2f%n", run.toMillis() / 1e3 / floor);

            try (Statement cleanup = db.createStatement()) {
                cleanup.executeUpdate("delete from invoice_line where invoice_id >= " + COPY_OFFSET);
                cleanup.executeUpdate("delete from invoice where id >= " + COPY_OFFSET);
            }
            db.commit();
        }
    }

    /** Every column of the rows, read before the clock starts. */
    private static List<Object[]> rows(Connection db, String sql, YearMonth month) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, month.atDay(1));
            select.setFetchSize(5_000);
            try (ResultSet result = select.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Object[] row = new Object[meta.getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** The same rows under ids, numbers and monthly keys of their own, so that every constraint is checked as usual. */
    private static void insertCopies(Connection db, List<Object[]> invoices, List<Object[]> lines) throws SQLException {
        int columns = invoices.isEmpty() ? 0 : invoices.get(0).length;
        String marks = String.join(", ", Collections.nCopies(columns, "?"));
        try (PreparedStatement invoice = db.prepareStatement("insert into invoice values (" + marks + ")");
             PreparedStatement line = db.prepareStatement("insert into invoice_line values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int next = 0;
            for (int from = 0; from < invoices.size(); from += CHUNK) {
                int to = Math.min(invoices.size(), from + CHUNK);
                long lastId = 0;
                for (Object[] row : invoices.subList(from, to)) {
                    Object[] copy = row.clone();
                    copy[0] = (Long) row[0] + COPY_OFFSET;                 // id
                    copy[1] = "B" + ((String) row[1]).substring(1);       // invoice_number
                    copy[3] = "bench/" + row[3];                          // monthly_key
                    for (int i = 0; i < copy.length; i++) {
                        invoice.setObject(i + 1, copy[i]);
                    }
                    invoice.addBatch();
                    lastId = (Long) row[0];
                }
                invoice.executeBatch();
                while (next < lines.size() && (Long) lines.get(next)[0] <= lastId) {
                    Object[] copy = lines.get(next++).clone();
                    copy[0] = (Long) copy[0] + COPY_OFFSET;
                    for (int i = 0; i < copy.length; i++) {
                        line.setObject(i + 1, copy[i]);
                    }
                    line.addBatch();
                }
                line.executeBatch();
                db.commit();
            }
        }
    }

    static void pdf() {
        int runs = Integer.getInteger("bench.runs", 200);
        int warmup = Integer.getInteger("bench.warmup", 50);
        BillableCompany company = new BillableCompany(30, "Boulangerie Martin SARL", "443061841", 11, Language.FR,
                new Party("Boulangerie Martin SARL", "443061841", "FR83443061841", "12 rue des Fours", "69002", "Lyon",
                        "FR"),
                List.of(new Subscription("COMPTA", "Comptabilité", "Accounting", new BigDecimal("29.00"),
                                new BigDecimal("5.00"), LocalDate.of(2025, 1, 1), null),
                        new Subscription("FACTU", "Facturation", "Invoicing", new BigDecimal("15.00"),
                                new BigDecimal("3.00"), LocalDate.of(2025, 1, 1), null),
                        new Subscription("NDF", "Notes de frais", "Expense reports", new BigDecimal("7.00"),
                                new BigDecimal("2.50"), LocalDate.of(2026, 10, 12), null)),
                List.of(new Seat("COMPTA", LocalDate.of(2025, 1, 5), null), new Seat("COMPTA", LocalDate.of(2025, 3, 1), null),
                        new Seat("FACTU", LocalDate.of(2025, 1, 5), null), new Seat("NDF", LocalDate.of(2026, 10, 20), null)));
        InvoiceComputation.Terms terms = new InvoiceComputation.Terms(new Party("Inexweb SAS", "812345676",
                "FR19812345676", "10 rue de la République", "69001", "Lyon", "FR"),
                "SAS au capital de 100 000 € · RCS Lyon 812 345 676", new BigDecimal("0.20"), 30);
        Invoice invoice = new Invoice(1, "F2026-000001", InvoiceComputation.invoice(company, YearMonth.of(2026, 10),
                LocalDate.of(2026, 11, 1), terms), Instant.now());
        List<Double> millis = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < warmup + runs; i++) {
            long started = System.nanoTime();
            bytes = FacturX.render(invoice, null).length;
            if (i >= warmup) {
                millis.add((System.nanoTime() - started) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf("Factur-X PDF of an invoice with %d lines (%,d bytes): median %.1f ms, 90th percentile %.1f ms,"
                + " max %.1f ms over %d renders after %d warm-ups.%n", invoice.getLines().size(), bytes,
                millis.get(millis.size() / 2), millis.get(millis.size() * 9 / 10), millis.get(millis.size() - 1), runs,
                warmup);
    }
}
