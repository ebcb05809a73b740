/** Demo invoices of the quick start, made by real billing runs over past months. */
package fr.moncompte.portal.billing.demo;
