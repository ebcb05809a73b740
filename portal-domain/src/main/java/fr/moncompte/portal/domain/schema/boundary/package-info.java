/** Start-up migration of the domain schema (and the demo data, when asked for). */
package fr.moncompte.portal.domain.schema.boundary;
