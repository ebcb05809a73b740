/**
 * What MicroProfile Health says of this node: the database it works on (readiness) and whether the process itself
 * still works (liveness). The broker and the mail server have theirs in the notifications module.
 */
package fr.moncompte.portal.domain.health;
