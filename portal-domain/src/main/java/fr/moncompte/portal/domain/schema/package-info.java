/** The database: its definition for the whole application and the domain's versioned migrations. */
package fr.moncompte.portal.domain.schema;
