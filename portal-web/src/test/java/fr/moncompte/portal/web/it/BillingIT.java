package fr.moncompte.portal.web.it;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Billing on the deployed portal (SPEC §5), through the real run, numbering and documents: a month run again issues
 * nothing; a run stopped after its first chunk, run again, completes the month with no duplicate and no gap; two
 * runs at once leave one invoice per company and a continuous sequence; an issued invoice never changes and is
 * corrected by credit notes; a payment retried with its key records once; the downloaded PDF is valid Factur-X
 * EN 16931 in the billed account's language; invoices outside one's scope are "not found".
 * <p>
 * The demo data's billing runs (the last twelve months, at start-up) are the background; the tests run older months
 * that nobody else runs, so that they hold on the PostgreSQL run too, where every test class shares the database.
 */
@Order(100)
@RunAsClient
class BillingIT extends DeployedPortal {

    static final String PASSWORD = "Portail-Demo-2026";
    static final String OPS = "ops@moncompte.example";
    static final String CLAIRE = "claire.martin@boulangerie-martin.example";
    static final String MARC = "comptable@cabinet-durand.example";
    static final String PAUL = "paul.lefevre@boulangerie-martin.example";
    static final String OMAR = "omar.haddad@garage-petit.example";
    static final long BOULANGERIE = 30, TRAITEUR = 31, GARAGE = 32;
    static final YearMonth CURRENT = YearMonth.from(LocalDate.now());

    @ArquillianResource
    URL portal;

    @Test
    void the_same_month_run_again_issues_nothing() throws Exception {
        FormClient ops = signedIn(OPS);
        YearMonth month = CURRENT.minusMonths(1);
        assertEquals("3|3", ops.get("/it/billing?month=" + month).body(), "the demo run billed the three companies");
        String numbers = ops.get("/it/billing?numbers=F" + LocalDate.now().getYear()).body();

        assertEquals("ok", post(ops, "call=run&month=" + month));
        String run = awaitRun(ops, month);

        assertEquals("FINISHED|3|3|0", run, "went through the three companies, issued nothing");
        assertEquals("3|3", ops.get("/it/billing?month=" + month).body());
        assertEquals(numbers, ops.get("/it/billing?numbers=F" + LocalDate.now().getYear()).body(),
                "no number taken");
    }

    @Test
    void a_run_stopped_after_its_first_chunk_run_again_completes_the_month_without_duplicate_or_gap() throws Exception {
        FormClient ops = signedIn(OPS);
        YearMonth month = CURRENT.minusMonths(13);
        assertEquals("0|0", ops.get("/it/billing?month=" + month).body(), "a month the demo did not bill");

        assertEquals("ok:1", post(ops, "call=chunk&month=" + month + "&max=1"), "the first chunk commits, then the run dies");
        assertEquals("1|1", ops.get("/it/billing?month=" + month).body());

        assertEquals("ok", post(ops, "call=run&month=" + month));
        assertEquals("FINISHED|3|3|2", awaitRun(ops, month), "the rest, and only the rest");
        assertEquals("3|3", ops.get("/it/billing?month=" + month).body(), "one invoice per company");
        assertContinuous(ops);
    }

    @Test
    void two_runs_at_once_issue_each_invoice_once_and_keep_the_numbers_continuous() throws Exception {
        FormClient first = signedIn(OPS);
        FormClient second = signedIn(OPS);
        YearMonth month = CURRENT.minusMonths(14);
        assertEquals("0|0", first.get("/it/billing?month=" + month).body());

        // Two nodes' chunks over the same companies at the same moment: the counter lock orders them.
        List<String> answers = together(
                () -> post(first, "call=chunk&month=" + month + "&max=50"),
                () -> post(second, "call=chunk&month=" + month + "&max=50"));
        assertEquals(3, answers.stream().mapToInt(answer -> Integer.parseInt(answer.substring(3))).sum(),
                "three invoices between them: " + answers);
        assertEquals("3|3", first.get("/it/billing?month=" + month).body());
        assertContinuous(first);

        // Two operators starting the same month: one runs, the other is told a run is going (or finds it done).
        YearMonth another = CURRENT.minusMonths(15);
        List<String> starts = together(() -> post(first, "call=run&month=" + another),
                () -> post(second, "call=run&month=" + another));
        assertTrue(starts.contains("ok"), starts.toString());
        assertTrue(starts.stream().allMatch(answer -> answer.equals("ok") || answer.equals("refused:billing.run.busy")),
                starts.toString());
        awaitRun(first, another);
        assertEquals("3|3", first.get("/it/billing?month=" + another).body());
        assertContinuous(first);
    }

    @Test
    void an_issued_invoice_never_changes_and_credit_notes_correct_it() throws Exception {
        FormClient ops = signedIn(OPS);
        long invoice = Long.parseLong(ops.get("/it/billing?find=" + GARAGE + "&month=" + CURRENT.minusMonths(4)).body());
        String before = ops.get("/it/billing?invoice=" + invoice).body();
        String[] document = before.split("\\|");
        assertEquals("ISSUED", document[7], before);

        String partial = post(ops, "call=credit&a=" + invoice + "&amount=10.00&reason=Geste+commercial");
        assertTrue(partial.matches("ok:A" + LocalDate.now().getYear() + "-\\d{6}"), partial);
        String after = ops.get("/it/billing?invoice=" + invoice).body();
        assertEquals(String.join("|", List.of(document).subList(0, 7)),
                String.join("|", List.of(after.split("\\|")).subList(0, 7)), "what the invoice says is unchanged");
        assertTrue(after.endsWith("|ISSUED|PAID|10.00"), after);

        String whole = post(ops, "call=credit&a=" + invoice + "&reason=Résiliation");
        assertTrue(whole.startsWith("ok:A"), whole);
        assertEquals(InvoiceNumbers.next(partial.substring(3)), whole.substring(3), "credit notes are numbered in turn");
        assertTrue(ops.get("/it/billing?invoice=" + invoice).body().contains("|CREDITED|"));
        assertEquals("refused:billing.credit.notCreditable",
                post(ops, "call=credit&a=" + invoice + "&amount=1.00&reason=Encore"));

        long other = Long.parseLong(ops.get("/it/billing?find=" + GARAGE + "&month=" + CURRENT.minusMonths(5)).body());
        assertEquals("refused:billing.credit.amount", post(ops, "call=credit&a=" + other + "&amount=100000&reason=Trop"));
        assertEquals("denied", post(signedIn(CLAIRE), "call=credit&a=" + other + "&reason=Moi"),
                "only operators issue credit notes");
    }

    @Test
    void a_payment_retried_with_its_key_is_recorded_once() throws Exception {
        FormClient ops = signedIn(OPS);
        long invoice = Long.parseLong(ops.get("/it/billing?find=" + GARAGE + "&month=" + CURRENT.minusMonths(1)).body());
        assertTrue(ops.get("/it/billing?invoice=" + invoice).body().contains("|PENDING|"), "last month's is pending");
        String due = ops.get("/it/billing?invoice=" + invoice).body().split("\\|")[4];

        List<String> answers = together(
                () -> post(ops, "call=pay&a=" + invoice + "&amount=" + due + "&key=callback-42"),
                () -> post(ops, "call=pay&a=" + invoice + "&amount=" + due + "&key=callback-42"));
        assertTrue(answers.contains("ok:PAID"), answers.toString());
        assertEquals("ok:PAID", post(ops, "call=pay&a=" + invoice + "&amount=" + due + "&key=callback-42"),
                "the same key again: the same answer");
        assertEquals("1", ops.get("/it/billing?payments=" + invoice).body(), "one payment recorded");
        assertEquals("refused:billing.payment.notAwaited",
                post(ops, "call=pay&a=" + invoice + "&amount=1.00&key=another"), "paid is paid");
    }

    @Test
    void the_downloaded_pdf_is_factur_x_en16931_in_the_billed_accounts_language() throws Exception {
        FormClient omar = signedIn(OMAR);
        long invoice = Long.parseLong(signedIn(OPS).get("/it/billing?find=" + GARAGE + "&month="
                + CURRENT.minusMonths(2)).body());

        HttpResponse<byte[]> pdf = omar.bytes("/invoices/pdf?id=" + invoice);

        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").matches(
                "attachment; filename=\"F\\d{4}-\\d{6}\\.pdf\""), pdf.headers().toString());
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf.body(), "invoice.pdf");
        assertTrue(validator.wasCompletelyValid(), report);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Invoice F") && text.contains("Garage Petit EURL") && text.contains("€40"),
                    "Garage Petit reads its invoices in English:\n" + text);
        }
    }

    @Test
    void invoices_outside_ones_scope_are_not_found() throws Exception {
        FormClient ops = signedIn(OPS);
        YearMonth month = CURRENT.minusMonths(2);
        long own = Long.parseLong(ops.get("/it/billing?find=" + BOULANGERIE + "&month=" + month).body());
        long firmBilled = Long.parseLong(ops.get("/it/billing?find=" + TRAITEUR + "&month=" + month).body());
        long foreign = Long.parseLong(ops.get("/it/billing?find=" + GARAGE + "&month=" + month).body());

        FormClient claire = signedIn(CLAIRE);
        assertEquals(200, claire.bytes("/invoices/pdf?id=" + own).statusCode());
        assertEquals(200, claire.get("/invoices/invoice.xhtml?id=" + own).statusCode());
        for (String tampered : List.of(String.valueOf(foreign), String.valueOf(firmBilled), "999999999", "abc", "-1",
                "")) {
            assertEquals(404, claire.bytes("/invoices/pdf?id=" + tampered).statusCode(), "PDF " + tampered);
            assertEquals(404, claire.get("/invoices/invoice.xhtml?id=" + tampered).statusCode(), "page " + tampered);
        }
        assertEquals("not-found", post(claire, "call=read&a=" + firmBilled), "the firm's, not the client's");

        FormClient marc = signedIn(MARC);
        assertEquals(200, marc.bytes("/invoices/pdf?id=" + firmBilled).statusCode(), "the firm sees it");
        assertEquals(404, marc.bytes("/invoices/pdf?id=" + own).statusCode());

        FormClient paul = signedIn(PAUL);
        assertEquals(403, paul.bytes("/invoices/pdf?id=" + own).statusCode(), "a user has no invoices");
        assertEquals(403, paul.get("/account/invoices.xhtml").statusCode());
        assertNotEquals("ok", post(paul, "call=read&a=" + own));
    }

    private String awaitRun(FormClient client, YearMonth month) throws Exception {
        String run = "";
        for (int i = 0; i < 120; i++) {
            run = client.get("/it/billing?run=" + month).body();
            if (!run.startsWith("RUNNING") && !run.equals("none")) {
                return run;
            }
            Thread.sleep(250); // the run goes on in the background; poll its progress as the operator's page does
        }
        throw new AssertionError("the run of " + month + " did not end: " + run);
    }

    /** This year's invoice numbers: as many as the highest, each once (no gap, no duplicate). */
    private static void assertContinuous(FormClient client) throws Exception {
        String[] numbers = client.get("/it/billing?numbers=F" + LocalDate.now().getYear()).body().split("\\|");
        assertEquals(numbers[0], numbers[1], "count = highest: no gap");
        assertEquals(numbers[0], numbers[2], "all distinct: no duplicate");
    }

    private static String post(FormClient client, String form) throws Exception {
        return client.probe("/it/billing", form);
    }

    @SafeVarargs
    private static List<String> together(Callable<String>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> call : calls) {
                futures.add(pool.submit(call));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private FormClient signedIn(String email) throws Exception {
        FormClient client = new FormClient(portal, "fr");
        assertTrue(client.signIn(email, PASSWORD), email + " signs in");
        return client;
    }

    /** The number after another in its sequence. */
    static final class InvoiceNumbers {
        static String next(String number) {
            int dash = number.indexOf('-');
            long sequence = Long.parseLong(number.substring(dash + 1)) + 1;
            return number.substring(0, dash + 1) + String.format("%06d", sequence);
        }
    }
}
