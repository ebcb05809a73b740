/** The quick start: a local broker and Payara Micro running the portal with demo data, stopped by Ctrl-C. */
package fr.moncompte.portal.dev;
