/** The large data set and the benchmarks of BENCHMARKS.md. */
package fr.moncompte.portal.bench;
