/** The operators' back-office: catalogue, audit log and help feedback. */
package fr.moncompte.portal.web.operations;
