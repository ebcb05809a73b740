/** Customer accounts, accounting firms and the companies they hold or look after. */
package fr.moncompte.portal.domain.organisation;
