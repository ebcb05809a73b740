/** Integration tests on Payara Micro with a real Artemis broker, a GreenMail SMTP server and headless Chromium. */
package fr.moncompte.portal.web.it;
