/** Domain events: what happened, told to the other modules over JMS inside the transaction that made it happen. */
package fr.moncompte.portal.domain.event;
