/** The Faces portal: pages, their thin backing beans, sign-in and the translated texts. */
package fr.moncompte.portal.web;
