/** Customer accounts, accounting firms and companies as stored. */
package fr.moncompte.portal.domain.organisation.entity;
