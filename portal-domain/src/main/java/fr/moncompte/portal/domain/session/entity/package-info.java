/** Signed-in sessions as stored. */
package fr.moncompte.portal.domain.session.entity;
