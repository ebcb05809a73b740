/** What people are told of (SPEC §6), in this module's words: the events of the other modules it turns into notices. */
package fr.moncompte.portal.notifications.topic;
