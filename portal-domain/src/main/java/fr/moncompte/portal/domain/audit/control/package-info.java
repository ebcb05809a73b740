/** Writing audit events inside the caller's transaction. */
package fr.moncompte.portal.domain.audit.control;
