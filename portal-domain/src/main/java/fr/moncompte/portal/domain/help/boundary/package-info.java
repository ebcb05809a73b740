/** Recording help feedback (every signed-in person) and reading it (operators). */
package fr.moncompte.portal.domain.help.boundary;
