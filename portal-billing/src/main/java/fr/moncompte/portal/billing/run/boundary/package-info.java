/** Starting a month's run, on a schedule or by an operator, and following its progress. */
package fr.moncompte.portal.billing.run.boundary;
