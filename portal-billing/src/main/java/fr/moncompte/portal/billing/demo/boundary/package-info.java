/** Runs the billing of the last twelve months at start-up when demo data is on, and settles some payments. */
package fr.moncompte.portal.billing.demo.boundary;
