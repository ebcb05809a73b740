/** The domain's face towards billing: billable companies by month, and the accounts a person administers. */
package fr.moncompte.portal.domain.billable.boundary;
