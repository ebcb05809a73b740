/** Checks of what operators type in the catalogue and when they configure applications on companies. */
package fr.moncompte.portal.domain.catalogue.control;
