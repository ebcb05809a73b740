/** Steps on session records that several boundaries take inside their own transaction. */
package fr.moncompte.portal.domain.session.control;
