/** The portal's core: who people are, which companies and applications they reach, and what they did. */
package fr.moncompte.portal.domain;
