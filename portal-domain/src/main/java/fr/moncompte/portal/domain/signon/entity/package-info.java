/** The clients, the sign-ins to them, their codes and refresh tokens. */
package fr.moncompte.portal.domain.signon.entity;
