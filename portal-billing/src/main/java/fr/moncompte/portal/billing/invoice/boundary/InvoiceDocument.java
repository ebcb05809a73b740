package fr.moncompte.portal.billing.invoice.boundary;

/** An invoice's or credit note's Factur-X PDF with the number its download is named after. */
public record InvoiceDocument(String number, byte[] pdf) {
}
