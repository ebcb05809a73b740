/** The vendor's application catalogue and the applications configured on each company. */
package fr.moncompte.portal.domain.catalogue;
