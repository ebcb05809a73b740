/**
 * The keys that sign the REST API's tokens and the settings MicroProfile JWT verifies them with. They live in an EJB
 * module rather than the WAR: an EAR on Payara Server builds one configuration for all its modules from the EJB
 * modules' class path, where a configuration source inside the WAR would not be found (seen on 6.2025.10: "No issuer
 * found" at the first sign-in).
 */
package fr.moncompte.portal.domain.token;
