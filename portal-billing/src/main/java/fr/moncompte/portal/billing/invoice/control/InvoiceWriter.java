package fr.moncompte.portal.billing.invoice.control;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceLine;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Writes issued invoices and their lines with JDBC batches on the transaction's connection: a month's run writes
 * hundreds of thousands of rows, and this keeps it close to the speed of plain inserts. Reading, payments and credit
 * state go through JPA ({@link Invoice}); the persistence unit keeps no shared cache, so it always sees these rows.
 */
public final class InvoiceWriter {

    private static final String INVOICE = """
            insert into invoice (id, invoice_number, kind, monthly_key, company_id, company_name, company_siren,
              billing_account_id, billed_month, period_start, period_end, issue_date, due_date, language, currency,
              seller_name, seller_siren, seller_vat_number, seller_address_line, seller_postal_code, seller_city,
              seller_country, seller_legal_mentions, buyer_name, buyer_siren, buyer_vat_number, buyer_address_line,
              buyer_postal_code, buyer_city, buyer_country, total_excluding_vat, vat_rate, vat_amount,
              total_including_vat, credited_invoice_id, credit_reason, issued_by, issued_at, state, payment_state,
              credited_excluding_vat, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, 1)""";

    private static final String LINE = """
            insert into invoice_line (invoice_id, line_number, kind, application_code, label, period_start,
              period_end, quantity, unit_price, amount)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final int ID_BLOCK = 50;

    private InvoiceWriter() {
    }

    /** Ids for {@code count} new rows, from the billing sequence in blocks of 50 (the value ends its block). */
    public static long[] ids(Connection connection, int count) throws SQLException {
        String next = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                ? "select nextval('billing_seq')" : "select next value for billing_seq";
        long[] ids = new long[count];
        int filled = 0;
        try (Statement statement = connection.createStatement()) {
            while (filled < count) {
                try (ResultSet rows = statement.executeQuery(next)) {
                    rows.next();
                    long last = rows.getLong(1);
                    for (long id = last - ID_BLOCK + 1; id <= last && filled < count; id++) {
                        ids[filled++] = id;
                    }
                }
            }
        }
        return ids;
    }

    public static void write(Connection connection, List<Invoice> invoices) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INVOICE)) {
            for (Invoice invoice : invoices) {
                int i = 1;
                insert.setLong(i++, invoice.getId());
                insert.setString(i++, invoice.getNumber());
                insert.setString(i++, invoice.getKind().name());
                setText(insert, i++, invoice.getKind() == fr.moncompte.portal.billing.invoice.entity.InvoiceKind.INVOICE
                        ? fr.moncompte.portal.billing.invoice.entity.InvoiceDraft.monthlyKey(invoice.getCompanyId(),
                        invoice.getBilledMonth()) : null);
                insert.setLong(i++, invoice.getCompanyId());
                insert.setString(i++, invoice.getCompanyName());
                insert.setString(i++, invoice.getCompanySiren());
                insert.setLong(i++, invoice.getBillingAccountId());
                insert.setDate(i++, Date.valueOf(invoice.getBilledMonth().atDay(1)));
                insert.setDate(i++, Date.valueOf(invoice.getPeriodStart()));
                insert.setDate(i++, Date.valueOf(invoice.getPeriodEnd()));
                insert.setDate(i++, Date.valueOf(invoice.getIssueDate()));
                insert.setDate(i++, Date.valueOf(invoice.getDueDate()));
                insert.setString(i++, invoice.getLanguage().code());
                insert.setString(i++, invoice.getCurrency());
                var seller = invoice.seller();
                insert.setString(i++, seller.name());
                insert.setString(i++, seller.siren());
                insert.setString(i++, seller.vatNumber());
                insert.setString(i++, seller.addressLine());
                insert.setString(i++, seller.postalCode());
                insert.setString(i++, seller.city());
                insert.setString(i++, seller.country());
                insert.setString(i++, invoice.getSellerLegalMentions());
                var buyer = invoice.buyer();
                insert.setString(i++, buyer.name());
                insert.setString(i++, buyer.siren());
                setText(insert, i++, buyer.vatNumber());
                setText(insert, i++, buyer.addressLine());
                setText(insert, i++, buyer.postalCode());
                setText(insert, i++, buyer.city());
                insert.setString(i++, buyer.country());
                insert.setBigDecimal(i++, invoice.getTotalExcludingVat());
                insert.setBigDecimal(i++, invoice.getVatRate());
                insert.setBigDecimal(i++, invoice.getVatAmount());
                insert.setBigDecimal(i++, invoice.getTotalIncludingVat());
                if (invoice.getCreditedInvoiceId() == null) {
                    insert.setNull(i++, Types.BIGINT);
                } else {
                    insert.setLong(i++, invoice.getCreditedInvoiceId());
                }
                setText(insert, i++, invoice.getCreditReason());
                if (invoice.getIssuedBy() == null) {
                    insert.setNull(i++, Types.BIGINT);
                } else {
                    insert.setLong(i++, invoice.getIssuedBy());
                }
                insert.setTimestamp(i++, Timestamp.from(invoice.getIssuedAt()));
                insert.setString(i++, invoice.getState().name());
                insert.setString(i++, invoice.getPaymentState().name());
                insert.setBigDecimal(i, invoice.getCreditedExcludingVat());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(LINE)) {
            for (Invoice invoice : invoices) {
                for (InvoiceLine line : invoice.getLines()) {
                    insert.setLong(1, invoice.getId());
                    insert.setInt(2, line.getLineNumber());
                    insert.setString(3, line.getKind().name());
                    setText(insert, 4, line.getApplicationCode());
                    insert.setString(5, line.getLabel());
                    insert.setDate(6, Date.valueOf(line.getPeriodStart()));
                    insert.setDate(7, Date.valueOf(line.getPeriodEnd()));
                    insert.setBigDecimal(8, line.getQuantity());
                    insert.setBigDecimal(9, line.getUnitPrice());
                    insert.setBigDecimal(10, line.getAmount());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
