/** Rules on companies that several boundaries apply: the French identifiers (SIREN, SIRET, VAT number). */
package fr.moncompte.portal.domain.organisation.control;
