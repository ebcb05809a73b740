/** Audit events that other modules write about what a person did to their own account. */
package fr.moncompte.portal.domain.audit.boundary;
