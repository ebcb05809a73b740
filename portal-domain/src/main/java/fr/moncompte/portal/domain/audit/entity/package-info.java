/** Audit events as stored. */
package fr.moncompte.portal.domain.audit.entity;
