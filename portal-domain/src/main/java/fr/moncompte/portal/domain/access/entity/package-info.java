/** Access grants as stored. */
package fr.moncompte.portal.domain.access.entity;
