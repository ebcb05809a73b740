/** The lease that keeps one run at a time across nodes, and the issuing of one chunk of companies. */
package fr.moncompte.portal.billing.run.control;
