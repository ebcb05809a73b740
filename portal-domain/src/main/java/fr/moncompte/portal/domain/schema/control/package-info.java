/** Running one module's Flyway migrations; every module uses it for its own tables. */
package fr.moncompte.portal.domain.schema.control;
