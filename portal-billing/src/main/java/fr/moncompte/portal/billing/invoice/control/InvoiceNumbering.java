package fr.moncompte.portal.billing.invoice.control;

import fr.moncompte.portal.billing.control.InvoiceNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gap-free numbers (SPEC §5): the issuing transaction locks its kind's counter row for the year, takes the next
 * numbers and writes the new last value; the invoices it issues are written in the same transaction. A rollback
 * therefore gives the numbers back, and two transactions never hold the same number: the second waits for the first.
 * The lock also serialises issuing, which is what lets a run check "already invoiced" safely after taking it.
 */
public final class InvoiceNumbering {

    private InvoiceNumbering() {
    }

    /** Writes the counter's new last number; the caller holds its lock (see {@link #lock}). */
    public static void advance(Connection connection, InvoiceNumber.Kind kind, int year, long last)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update invoice_counter set last_value = ? where kind = ? and fiscal_year = ?")) {
            update.setLong(1, last);
            update.setString(2, kind.name());
            update.setInt(3, year);
            update.executeUpdate();
        }
    }

    /** Locks the counter for the rest of the transaction and returns its last number. */
    public static long lock(Connection connection, InvoiceNumber.Kind kind, int year) throws SQLException {
        Long last = select(connection, kind, year);
        if (last == null) {
            throw new IllegalStateException("No " + kind + " counter for " + year + ": ensure it first");
        }
        return last;
    }

    /**
     * Creates the year's counter if it is missing. Run it in a transaction of its own: when another node creates it
     * at the same moment, this insert fails on the primary key, which the caller may ignore.
     */
    public static void ensure(Connection connection, InvoiceNumber.Kind kind, int year) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "select 1 from invoice_counter where kind = ? and fiscal_year = ?")) {
            exists.setString(1, kind.name());
            exists.setInt(2, year);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into invoice_counter (kind, fiscal_year, last_value) values (?, ?, 0)")) {
            insert.setString(1, kind.name());
            insert.setInt(2, year);
            insert.executeUpdate();
        }
    }

    private static Long select(Connection connection, InvoiceNumber.Kind kind, int year) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select last_value from invoice_counter where kind = ? and fiscal_year = ? for update")) {
            select.setString(1, kind.name());
            select.setInt(2, year);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }
}
