/** Logs plugins write into their work folders ({@link dev.naslab.api.results.DecisionLog}). */
package dev.naslab.api.results;
