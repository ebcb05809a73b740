/** Checks of what administrators type when they create a user. */
package fr.moncompte.portal.domain.access.control;
