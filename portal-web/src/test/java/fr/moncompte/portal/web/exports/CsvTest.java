package fr.moncompte.portal.web.exports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a French spreadsheet opens: BOM, semicolons, quotes where needed, and no formula out of a typed name. */
class CsvTest {

    @Test
    void writes_a_bom_then_rows_separated_by_semicolons_and_crlf() throws IOException {
        StringWriter out = new StringWriter();
        Csv csv = new Csv(out);
        csv.row("Lefèvre", "Paul", null, 12);
        csv.row("Durand; fils", "dit \"le grand\"", "ligne\nsuivante", " espace");
        assertEquals("\uFEFFLefèvre;Paul;;12\r\n\"Durand; fils\";\"dit \"\"le grand\"\"\";\"ligne\nsuivante\";\" espace\"\r\n",
                out.toString());
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_stays_text() {
        assertEquals("'=HYPERLINK(\"http://x\")".replace("\"", "\"\""),
                Csv.cell("=HYPERLINK(\"http://x\")").replaceAll("^\"|\"$", ""));
        assertEquals("'+cmd|' /C calc'!A0", Csv.cell("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3+cmd|x", Csv.cell("-2+3+cmd|x"));
        assertEquals("+33478000001", Csv.cell("+33478000001"), "a phone number stays as it is");
        assertEquals("-12,50", Csv.cell("-12,50"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("-2", Csv.cell(-2), "a number is a number");
        assertEquals("Martin", Csv.cell("Martin"));
    }
}
