/** The append-only audit log: who changed what, when and from where. */
package fr.moncompte.portal.domain.audit;
