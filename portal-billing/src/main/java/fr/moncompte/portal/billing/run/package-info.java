/** Monthly billing runs: one node at a time, idempotent, resumable. */
package fr.moncompte.portal.billing.run;
