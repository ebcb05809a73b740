/** The billing tables and their migrations. */
package fr.moncompte.portal.billing.schema;
