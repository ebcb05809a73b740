/** Catalogue entries and configured applications as stored. */
package fr.moncompte.portal.domain.catalogue.entity;
