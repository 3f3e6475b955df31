/** The search stage as optimizers see it: {@link dev.naslab.api.search.SearchState} and its schedule. */
package dev.naslab.api.search;
