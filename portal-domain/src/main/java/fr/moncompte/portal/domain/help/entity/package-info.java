/** Help feedback as stored. */
package fr.moncompte.portal.domain.help.entity;
