/** The operators' catalogue and the applications configured on companies. */
package fr.moncompte.portal.domain.catalogue.boundary;
