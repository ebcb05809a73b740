/** Where each person is signed in: sessions they can see and end, and that a password change ends. */
package fr.moncompte.portal.domain.session;
