/** The user account as stored. */
package fr.moncompte.portal.domain.account.entity;
