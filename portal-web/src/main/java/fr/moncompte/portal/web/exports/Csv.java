package fr.moncompte.portal.web.exports;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * CSV as French spreadsheet users open it: UTF-8 with a byte-order mark (so that Excel reads the accents), {@code ;}
 * between cells (the comma is the decimal separator), CRLF between rows, RFC 4180 quoting. A cell that a spreadsheet
 * would take for a formula ({@code =}, {@code @}, a tab or a carriage return first, or {@code +} or {@code -} with
 * more than a phone number or an amount after it) is written after an apostrophe, so that a name typed as {@code =HYPERLINK(…)} stays text (OWASP "CSV injection").
 */
public final class Csv {

    public static final String BOM = "\uFEFF";
    public static final char SEPARATOR = ';';
    private static final Pattern FORMULA = Pattern.compile("[=+\\-@\t\r]");
    /** A phone number or a signed number ("+33478000001", "-12,50"): shown as typed, it runs nothing. */
    private static final Pattern PHONE_OR_NUMBER = Pattern.compile("[+-][0-9 .,()]*");
    private static final Pattern QUOTED = Pattern.compile("[;\"\r\n]|^\\s|\\s$");

    private final Writer out;

    public Csv(Writer out) throws IOException {
        this.out = out;
        out.write(BOM);
    }

    public void row(Object... cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            line.append(cell(cells[i]));
        }
        out.write(line.append("\r\n").toString());
    }

    public void flush() throws IOException {
        out.flush();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && FORMULA.matcher(text).lookingAt() && !PHONE_OR_NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        return QUOTED.matcher(text).find() ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
