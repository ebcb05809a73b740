/** The nightly purge of the domain's traces. */
package fr.moncompte.portal.domain.retention.boundary;
