package fr.moncompte.portal.billing.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An invoice's or a credit note's number (SPEC §5): one continuous sequence per kind and year, written
 * {@code F2026-000001} for invoices and {@code A2026-000001} for credit notes (avoirs); past 999,999 the number
 * simply grows a digit.
 */
public record InvoiceNumber(Kind kind, int year, long sequence) {

    /** The two sequences, by their letter. */
    public enum Kind {
        INVOICE('F'), CREDIT_NOTE('A');

        final char letter;

        Kind(char letter) {
            this.letter = letter;
        }
    }

    private static final Pattern SHAPE = Pattern.compile("([FA])(\\d{4})-(\\d{6,})");

    public InvoiceNumber {
        if (year < 2000 || year > 9999 || sequence < 1) {
            throw new IllegalArgumentException("no such number: " + kind + " " + year + " " + sequence);
        }
    }

    public static InvoiceNumber parse(String text) {
        Matcher matcher = SHAPE.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an invoice number: " + text);
        }
        Kind kind = matcher.group(1).equals("F") ? Kind.INVOICE : Kind.CREDIT_NOTE;
        return new InvoiceNumber(kind, Integer.parseInt(matcher.group(2)), Long.parseLong(matcher.group(3)));
    }

    @Override
    public String toString() {
        return String.format("%c%04d-%06d", kind.letter, year, sequence);
    }
}
