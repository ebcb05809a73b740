/** Brings the billing tables to the current version at start-up. */
package fr.moncompte.portal.billing.schema.boundary;
