/** What billing needs to know of the domain: the companies a month invoices, their buyer, subscriptions and seats. */
package fr.moncompte.portal.domain.billable;
