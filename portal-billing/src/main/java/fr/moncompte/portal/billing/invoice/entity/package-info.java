/** An issued invoice or credit note, its lines, and its states. */
package fr.moncompte.portal.billing.invoice.entity;
