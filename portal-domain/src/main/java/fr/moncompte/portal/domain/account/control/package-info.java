/** Password policy and hashing. */
package fr.moncompte.portal.domain.account.control;
