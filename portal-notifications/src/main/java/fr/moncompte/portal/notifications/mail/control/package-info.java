/** Mail rendering (fr/en, HTML with a plain-text part) and delivery through Jakarta Mail. */
package fr.moncompte.portal.notifications.mail.control;
