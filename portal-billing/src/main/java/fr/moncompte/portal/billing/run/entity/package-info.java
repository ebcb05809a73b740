/** A month's run and its progress. */
package fr.moncompte.portal.billing.run.entity;
